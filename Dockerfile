# The API service, for `docker compose up` (see docker-compose.yml). It runs against a Neo4j given by NEO4J_URI,
# so it needs neither Java nor the bundled launcher.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# Node 20's npm 10 would run dependencies' install scripts, which npm 11 (what the lock was written with) does not
# run unless approved, and which nothing here needs. Without the dev dependencies: no test runner, no browser driver.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build:web
ENV NODE_ENV=production
EXPOSE 4000
# node itself is the container's first process, so docker stop's SIGTERM reaches main.ts, which closes everything.
# The flags of npm start (README, Configuration).
CMD ["node", "--heap-growing-percent=100", "--import", "tsx", "src/main.ts"]
