# Digiregion as a container image: the same server `npm start` runs, for those who run containers.
# Not built or run on the development machine (no container runtime there); what it mirrors is tested:
# test/cluster.test.ts starts the compiled server (`node dist/app/server/main.js`) twice behind nginx on one PostgreSQL.
#
#   docker build -t digiregion .
#   docker compose up        # two instances, PostgreSQL and nginx on http://localhost:8080 (compose.yaml)

# Build: every dependency (Vite and TypeScript are dev dependencies), the web client in dist/web and the server
# compiled to JavaScript in dist/app.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# Run: the production dependencies, the compiled server, the reference data loaded at every start, and the built
# web client. No TypeScript at run time.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    FILES_DIR=/data/files \
    DATA_DIR=/data/pglite
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY data/reference ./data/reference
COPY --from=build /app/dist ./dist
# Attachments (FILES_DIR; several instances need a shared volume or S3 storage) and, without DATABASE_URL,
# the embedded database (DATA_DIR), owned by the unprivileged user the server runs as.
RUN mkdir -p /data/files /data/pglite && chown -R node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# The readiness route, where there is one, would be the better check for a load balancer; this says the process answers.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# node itself, not npm: SIGTERM from `docker stop` reaches the server, which closes cleanly. The commands of
# docs/backup-and-restore.md run the same way: `docker compose exec app node dist/app/server/cli/backup.js /data/backup`.
CMD ["node", "dist/app/server/main.js"]
