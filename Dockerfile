# The Collier service for docker compose (Neo4j runs in its own container; see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:ts && npm run build:playground

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY seed/data ./seed/data
EXPOSE 4000
USER node
# a young generation of 2 × 32 MB (V8's default 2 × 16 MB): README "Performance", docs/performance.md
CMD ["node", "--max-semi-space-size=32", "dist/src/main.js"]
