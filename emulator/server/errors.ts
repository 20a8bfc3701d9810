/**
 * Dataverse's error envelope {"error":{"code","message"}} (docs/platform.md#errors). Every failure the Web API
 * answers goes through here so the shape never drifts.
 */

export const ERROR_CODES = {
  notAuthenticated: '0x80072560',
  notFound: '0x80040217',
  resourceNotFound: '0x8006088a',
  badRequest: '0x80048d19',
  privilegeDenied: '0x80040220',
  versionMismatch: '0x80060882',
  duplicate: '0x80040237',
  throttledRequests: '0x80072322',
  throttledExecutionTime: '0x80072321',
  throttledConcurrency: '0x80072326',
  unexpected: '0x80040216',
  notSupported: '0x8006088b',
} as const;

export class DataverseError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFoundRecord = (logicalName: string, id: string) =>
  new DataverseError(404, ERROR_CODES.notFound, `${logicalName} With Id = ${id} Does Not Exist`);

export const badRequest = (message: string) => new DataverseError(400, ERROR_CODES.badRequest, message);

export function errorResponse(error: DataverseError): Response {
  return new Response(JSON.stringify({ error: { code: error.code, message: error.message } }), {
    status: error.status,
    headers: { 'Content-Type': 'application/json; odata.metadata=minimal', 'OData-Version': '4.0', ...error.headers },
  });
}
