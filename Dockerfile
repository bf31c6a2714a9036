# Build stage: all dependencies, to compile src/ to JavaScript (`npm run build`).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
RUN npm run build

FROM node:20-bookworm-slim

ENV NODE_ENV=production
WORKDIR /app

# Dependencies first, so that a code change does not reinstall them. tsx stays a runtime dependency: the
# maintainers' commands (npm run reindex, eval, escalations…) run from the sources.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY src ./src
COPY scripts ./scripts
COPY corpus ./corpus
# The development questions the quality check runs after each re-index (QUALITY_SET).
COPY test/fixtures/qa.tuning.jsonl ./test/fixtures/
COPY tsconfig.json ./
# The bot itself runs compiled, under plain Node: tsx's loader would add about 33 MB to every replica.
COPY --from=build /app/dist ./dist

# The embedded-database fallback writes under /app/data; everything else stays read-only to the app.
RUN mkdir -p /app/data && chown node:node /app/data
USER node

# V8 sizes its heap from the machine's memory (up to 4 GB) and then lets garbage pile up: under 50 chats the
# bot's RSS reached 220 MB with a live heap of 20-40 MB. A 512 MB ceiling, still ten times that, keeps the peak
# near 150 MB at much the same throughput (README, "Performance"). src/bench/bot.ts starts it the same way.
CMD ["node", "--enable-source-maps", "--max-old-space-size=512", "dist/main.js"]
