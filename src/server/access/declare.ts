import type { FastifyInstance } from 'fastify';
import type { Capability } from './rules.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The capability the route needs (rules.ts), or several checked in order. The service checks it; the route names
     * it so the API documentation shows it (`x-access`) and the access matrix can hold the route to the rules.
     */
    access?: Capability | readonly Capability[];
  }
}

/** The capabilities a route names, in order. */
export const accessOf = (access: Capability | readonly Capability[] | undefined): Capability[] =>
  access === undefined ? [] : typeof access === 'string' ? [access] : [...access];

/** Shows each route's `config.access` in the OpenAPI document as `x-access` (a list of capability names). */
export function registerAccessDeclarations(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const access = accessOf(route.config?.access);
    if (access.length === 0) return;
    route.schema = Object.assign({}, route.schema, { 'x-access': access });
  });
}
