/** What the shapes, colours, widths and dashes mean, drawn with the same scales as the pictures. */
import { confidenceColor } from '../model';

const SWATCH_W = 34;

function Line({ color, width, dash }: { color: string; width: number; dash?: string }) {
  return (
    <svg width={SWATCH_W} height={12} aria-hidden="true" className="swatch">
      <line
        x1={2}
        y1={6}
        x2={SWATCH_W - 2}
        y2={6}
        stroke={color}
        strokeWidth={width}
        strokeDasharray={dash}
        strokeLinecap="round"
      />
    </svg>
  );
}

export function Legend() {
  return (
    <div id="legend" className="legend" aria-label="Legend">
      <span className="item">
        <svg width={14} height={14} aria-hidden="true" className="swatch">
          <circle cx={7} cy={7} r={6} fill="#a93226" />
        </svg>
        origin
      </span>
      <span className="item">
        <svg width={14} height={14} aria-hidden="true" className="swatch">
          <circle cx={7} cy={7} r={6} fill="#1a5276" />
        </svg>
        final port
      </span>
      <span className="item">
        <svg width={14} height={14} aria-hidden="true" className="swatch">
          <circle cx={7} cy={7} r={5} fill="#566573" />
        </svg>
        port
      </span>
      <span className="item">
        <svg width={22} height={14} aria-hidden="true" className="swatch">
          <rect x={2} y={3} width={18} height={9} rx={3} fill={confidenceColor(0.75)} />
        </svg>
        vessel on a leg
      </span>
      <span className="item">
        <svg width={14} height={14} aria-hidden="true" className="swatch">
          <polygon points="7,1 13,7 7,13 1,7" fill="#6c3483" />
        </svg>
        transfer
      </span>
      <span className="item">
        confidence
        <svg width={64} height={10} aria-hidden="true" className="swatch">
          {[0.3, 0.4, 0.5, 0.6, 0.7, 0.8].map((c, i) => (
            <rect key={c} x={i * 10.5} y={1} width={10.5} height={8} fill={confidenceColor(c)} />
          ))}
        </svg>
        <span className="muted">low → high</span>
      </span>
      <span className="item">
        <Line color="#5d6d7e" width={2} />
        <Line color="#5d6d7e" width={7} />
        width: tonnage
      </span>
      <span className="item">
        <Line color="#5d6d7e" width={2.5} dash="7 4" />
        inferred link
      </span>
      <span className="item">
        <Line color="#5d6d7e" width={2.5} dash="1.5 4" />
        one of several places
      </span>
    </div>
  );
}
