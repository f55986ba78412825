// The baseline: a bare Fastify endpoint that parses the same JSON body and answers 201.
import Fastify from 'fastify';

const app = Fastify();
app.post('/api/v1/declarations/:number/assessments', (request, reply) =>
  reply.status(201).send({ ok: true, received: (request.body as { subjects?: unknown[] }).subjects?.length ?? 0 }),
);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('ready');
