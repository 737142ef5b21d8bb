# OpenClaw Studio: one image for web and worker processes (compose.yaml runs both).
#   docker build -t openclaw-studio .
#   web:    docker run -e DATABASE_URL=... -e REDIS_URL=... -e STUDIO_PROCESS=web ... openclaw-studio
#   worker: docker run ... openclaw-studio npm run worker
# Without DATABASE_URL the container starts the embedded Postgres in /data, as `npm start` does on a laptop.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# isolated-vm (the sandbox) compiles a native addon when no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOST=0.0.0.0 STUDIO_DATA_DIR=/data
# tsx runs the server's TypeScript; it stays a runtime dependency in the image.
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Liveness of the web process; compose.yaml gives workers a check of their own.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["npm", "start"]
