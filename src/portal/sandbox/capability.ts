import type { Request, Response } from 'express';
import { SANDBOX_RESOURCE_TYPES } from '../fhir-types';
import type { SandboxContext } from './context';
import { fhirBase } from './handlers';
import { SEARCH_PARAMS } from './search-params';

const COMMON_SEARCH = ['_id', '_lastUpdated', '_sort', '_count'];

export function capabilityStatement(ctx: SandboxContext) {
  return (req: Request, res: Response): void => {
    const base = fhirBase(ctx, req);
    res.type('application/fhir+json').json({
      resourceType: 'CapabilityStatement',
      status: 'active',
      kind: 'instance',
      fhirVersion: '4.0.1',
      format: ['application/fhir+json'],
      implementation: { description: 'Sandbox patient portal (synthetic data only)', url: base },
      rest: [
        {
          mode: 'server',
          security: ctx.smart
            ? {
                service: [
                  {
                    coding: [
                      {
                        system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
                        code: 'SMART-on-FHIR',
                      },
                    ],
                  },
                ],
                extension: [
                  {
                    url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
                    extension: [{ url: 'token', valueUri: tokenEndpoint(ctx, req) }],
                  },
                ],
              }
            : undefined,
          resource: [
            ...SANDBOX_RESOURCE_TYPES.map((type) => ({
              type,
              interaction: [{ code: 'read' }, { code: 'search-type' }, { code: 'create' }],
              conditionalCreate: true,
              searchParam: [...COMMON_SEARCH, ...Object.keys(SEARCH_PARAMS[type] ?? {})].map((name) => ({
                name,
              })),
            })),
            {
              // Push: rest-hook Subscriptions (see ./subscriptions).
              type: 'Subscription',
              documentation: 'rest-hook channel; notifications without payload',
              interaction: [{ code: 'read' }, { code: 'search-type' }, { code: 'create' }],
              conditionalCreate: true,
              searchParam: [{ name: 'url' }],
            },
          ],
        },
      ],
    });
  };
}

export function tokenEndpoint(ctx: SandboxContext, req: Request): string {
  return ctx.smart?.options.tokenUrl ?? `${req.protocol}://${req.get('host')}/oauth2/token`;
}

export function smartConfiguration(ctx: SandboxContext) {
  return (req: Request, res: Response): void => {
    if (!ctx.smart) {
      res
        .status(404)
        .type('application/fhir+json')
        .json({
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'not-found', diagnostics: 'SMART is not enabled' }],
        });
      return;
    }
    res.json({
      token_endpoint: tokenEndpoint(ctx, req),
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
      grant_types_supported: ['client_credentials'],
      scopes_supported: ['system/*.read', 'system/*.write', 'system/*.rs', 'system/*.cruds'],
      capabilities: ['client-confidential-asymmetric'],
    });
  };
}
