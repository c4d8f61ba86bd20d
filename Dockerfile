# One image for the api, the worker and the one-shot migration (docker-compose.yml picks the command).
# Built JavaScript only: TypeScript is compiled here (`npm run build`), and the image has no dev dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/admin/dist ./admin/dist
USER node
EXPOSE 3000
CMD ["node", "--enable-source-maps", "dist/api/main.js"]
