FROM node:20-bookworm-slim

ENV NODE_ENV=production
WORKDIR /app

# Dependencies first, so that a code change does not reinstall them. tsx is a runtime dependency.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY src ./src
COPY scripts ./scripts
COPY corpus ./corpus
# The development questions the quality check runs after each re-index (QUALITY_SET).
COPY test/fixtures/qa.tuning.jsonl ./test/fixtures/
COPY tsconfig.json ./

# The embedded-database fallback writes under /app/data; everything else stays read-only to the app.
RUN mkdir -p /app/data && chown node:node /app/data
USER node

CMD ["npm", "start"]
