/**
 * The committed versions of schema.graphql, in the order they landed: the first-parent history of HEAD
 * (on main, a merged branch is one step, dated by its merge commit), from the commit that introduced
 * the file. A change split over several commits is still judged commit by commit, and deprecation
 * ages come from these commit dates, so the two steps "deprecate, then remove" need the policy's days
 * between them on the main line.
 */
import { execFileSync } from 'node:child_process';
import { parse } from 'graphql';
import { SchemaVersion } from './rules';
import { REPO_ROOT, SCHEMA_GIT_PATH } from './sdl';

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export function isShallowClone(): boolean {
  return git(['rev-parse', '--is-shallow-repository']).trim() === 'true';
}

export function headSha(): string {
  return git(['rev-parse', 'HEAD']).trim();
}

/**
 * Every committed version of the file on HEAD's first-parent line, oldest first (deletions skipped). A
 * version that is not valid SDL (a merge commit that kept both sides' lines before the file was
 * regenerated) is left out and named in `unparsable`: the version after it is judged against the last
 * one that parsed, so what changed is still judged. The file at HEAD must parse (schemaFile test).
 */
export function committedVersions(file: string = SCHEMA_GIT_PATH, unparsable: string[] = []): SchemaVersion[] {
  const log = git(['log', '--first-parent', '--reverse', '--format=%H%x09%cI%x09%s', 'HEAD', '--', file]);
  const versions: SchemaVersion[] = [];
  for (const line of log.split('\n')) {
    if (!line.trim()) continue;
    const [sha, date, ...subject] = line.split('\t');
    let sdl: string;
    try {
      sdl = git(['show', `${sha}:${file}`]);
    } catch {
      continue; // the commit deleted the file; the next version is judged against the last one that existed
    }
    const label = `${sha.slice(0, 10)} (${date.slice(0, 10)}) ${subject.join('\t')}`;
    try {
      parse(sdl);
    } catch {
      unparsable.push(label);
      continue;
    }
    versions.push({
      label,
      date: new Date(date),
      sdl,
    });
  }
  return versions;
}
