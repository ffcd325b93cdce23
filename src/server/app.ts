/**
 * The HTTP server: Fastify with zod schemas both ways, OpenAPI at /api/docs, security headers, strict
 * CSP, body limits, login rate limits, sessions and CSRF, and the web app. Handlers stay thin: validate,
 * resolve the actor, call one use case.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Deps } from '../usecases/deps.js';
import { installAuth } from './auth.js';
import { installErrorHandling, sendError } from './errors.js';
import { installInputGuards } from './input-guards.js';
import { objectionRoutes } from './public/objection-routes.js';
import { activityRoutes } from './routes/activity-routes.js';
import { assessmentRoutes } from './routes/assessment-routes.js';
import { audienceRoutes } from './routes/audience-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { campaignRoutes } from './routes/campaign-routes.js';
import { consentRoutes } from './routes/consent-routes.js';
import { destinationRoutes } from './routes/destination-routes.js';
import { exportRoutes } from './routes/export-routes.js';
import { importRoutes } from './routes/import-routes.js';
import { meRoutes } from './routes/me-routes.js';
import { memberChannelRoutes } from './routes/member-channel-routes.js';
import { opsRoutes } from './routes/ops-routes.js';
import { outboxRoutes } from './routes/outbox-routes.js';
import { personRoutes } from './routes/person-routes.js';
import { publicFormRoutes } from './routes/public-form-routes.js';
import { userRoutes } from './routes/user-routes.js';
import { websiteRoutes } from './routes/website-routes.js';
import { API_CSP, installWeb } from './web.js';

export interface ServerOptions {
  /** Secret the local CLI presents (`Bearer kko_…`); null disables operator access. */
  operatorSecret: string | null;
  logger?: boolean;
}

export async function buildServer(deps: Deps, opts: ServerOptions): Promise<FastifyInstance> {
  const cfg = deps.config;
  const app = Fastify({
    bodyLimit: cfg.bodyLimitBytes,
    // Trust exactly one proxy hop (the TLS-terminating reverse proxy), so a client cannot forge its
    // address with an extra X-Forwarded-For entry and escape the login rate limit.
    trustProxy: cfg.trustProxy ? (_address: string, hop: number) => hop === 0 : false,
    logger:
      opts.logger === false || cfg.logLevel === 'silent'
        ? false
        : {
            level: cfg.logLevel,
            // Never log credentials, cookies or bodies (R-62: no personal data in logs).
            redact: [
              'req.headers.cookie',
              'req.headers.authorization',
              'req.headers["x-csrf-token"]',
              'res.headers["set-cookie"]',
            ],
          },
    // Requests Fastify cannot even route (a badly percent-encoded URL) get our error shape too.
    // (Hooks do not run for these, so the essential security headers are set here.)
    frameworkErrors: (err, req, reply) => {
      reply.headers({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'content-security-policy': API_CSP,
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      return sendError(req, reply, 'VALIDATION_FAILED', { problem: err.message });
    },
    logController: new LogController({
      disableRequestLogging: cfg.logLevel !== 'debug' && cfg.logLevel !== 'trace',
    }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: false, // set per response below (nonce for the app, none for the API)
    crossOriginEmbedderPolicy: false,
    hsts: cfg.trustProxy ? undefined : false,
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (!reply.getHeader('content-security-policy')) {
      reply.header(
        'content-security-policy',
        req.url.startsWith('/api/docs')
          ? "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"
          : API_CSP,
      );
    }
    reply.header('referrer-policy', 'no-referrer');
    reply.header(
      'permissions-policy',
      'interest-cohort=(), browsing-topics=(), camera=(), microphone=(), geolocation=()',
    );
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Kieskluis API',
        version: '1',
        description:
          'Campagnedata binnen de AVG. Errors are { code, message, details }; codes in docs/codes.md.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kk_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { validatorUrl: null } as object,
  });

  installInputGuards(app);
  installAuth(app, deps, opts.operatorSecret);
  await app.register(
    async (api) => {
      await api.register(authRoutes(deps, cfg.loginRateLimitPerMinute));
      await api.register(meRoutes(deps));
      await api.register(personRoutes(deps));
      await api.register(userRoutes(deps));
      await api.register(opsRoutes(deps));
      await api.register(websiteRoutes(deps));
      await api.register(importRoutes(deps));
      await api.register(outboxRoutes(deps));
      await api.register(consentRoutes(deps));
      await api.register(campaignRoutes(deps));
      await api.register(assessmentRoutes(deps));
      await api.register(activityRoutes(deps));
      await api.register(memberChannelRoutes(deps));
      await api.register(destinationRoutes(deps));
      await api.register(exportRoutes(deps));
      await api.register(audienceRoutes(deps));
    },
    { prefix: '/api/v1' },
  );
  // The public consent pages (/f/…): server-rendered, outside the API and before the web app's fallback.
  await app.register(publicFormRoutes(deps));
  // The objection link of campaign mail (/f/bezwaar/…, R-27): page, button and RFC 8058 one-click.
  await app.register(objectionRoutes(deps));
  await installWeb(app);
  return app;
}
