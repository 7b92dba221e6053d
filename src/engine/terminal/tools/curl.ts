import type { ShellNames } from '../platform';
import type { Effect } from '../../../scenarios/schema';
import { has, opt, parseFlags, type FlagSpec } from '../flags';
import { failed, printed, type Tool, type ToolContext, type ToolResult } from '../types';
import { flinkJobId, flinkRest, type HttpAnswer } from './flink-rest';
import { connectRest } from './connect-rest';
import { registryRest } from './registry-rest';

const spec: FlagSpec = {
  silent: { value: false, short: 's' },
  'show-error': { value: false, short: 'S' },
  request: { value: true, short: 'X' },
  header: { value: true, short: 'H' },
  data: { value: true, short: 'd' },
  'data-raw': { value: true },
  include: { value: false, short: 'i' },
  fail: { value: false, short: 'f' },
  location: { value: false, short: 'L' },
  verbose: { value: false, short: 'v' },
  help: { value: false, short: 'h' },
};

type Service = (ctx: ToolContext, method: string, path: string, body: string | undefined) => HttpAnswer & { effects?: Effect[] };

/** The platform's HTTP services by `host:port`. */
const services: Record<string, Service> = {
  'flink-jobmanager:8081': (ctx, method, path) => (method === 'GET' ? flinkRest(ctx, path) : { status: 405, body: JSON.stringify({ errors: ['This on-call console has read access to the Flink REST API; change jobs through kubectl.'] }) }),
  'schema-registry:8081': registryRest,
  'kafka-connect:8083': connectRest,
};

const serviceNames: Record<string, string> = { 'schema-registry:8081': 'Schema registry', 'kafka-connect:8083': 'Kafka Connect', 'flink-jobmanager:8081': 'Flink' };

const reasons: Record<number, string> = { 200: 'OK', 202: 'Accepted', 204: 'No Content', 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 422: 'Unprocessable Entity', 500: 'Internal Server Error' };

const help = `Usage: curl [options...] <url>
 -d, --data <data>          HTTP POST data
 -f, --fail                 Fail fast with no output on HTTP errors
 -H, --header <header/@file> Pass custom header(s) to server
 -i, --include              Include protocol response headers in the output
 -s, --silent               Silent mode
 -S, --show-error           Show error even when -s is used
 -X, --request <method>     Specify request method to use

Services on this network: http://schema-registry:8081 (Confluent Schema Registry),
http://flink-jobmanager:8081 (Flink REST API), http://kafka-connect:8083 (Kafka Connect REST API).`;

function run(ctx: ToolContext, args: readonly string[]): ToolResult {
  const f = parseFlags(args, spec);
  if (has(f, 'help')) return printed(help);
  if (f.unknown) return failed(`curl: option ${f.unknown}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information`, 2);
  if (f.missingValue) return failed(`curl: option ${f.missingValue}: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information`, 2);
  const target = f.positionals[0];
  if (!target) return failed("curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information", 2);
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?(\/[^#]*)?$/.exec(target);
  if (!m) return failed(`curl: (3) URL rejected: Malformed input to a URL function`, 3);
  const [, scheme = 'http', host = '', port, path = '/'] = m;
  if (scheme === 'https') return failed(`curl: (35) OpenSSL/3.0.15: error:0A00010B:SSL routines::wrong version number (the platform's internal services speak plain HTTP)`, 35);
  const key = `${host}:${port ?? '80'}`;
  const service = services[key];
  if (!service) {
    const known = Object.keys(services).some((k) => k.startsWith(`${host}:`));
    return failed(known ? `curl: (7) Failed to connect to ${host} port ${port ?? 80} after 3 ms: Couldn't connect to server` : `curl: (6) Could not resolve host: ${host}`, known ? 7 : 6);
  }
  const data = opt(f, 'data') ?? opt(f, 'data-raw');
  const method = (opt(f, 'request') ?? (data !== undefined ? 'POST' : 'GET')).toUpperCase();
  const answer = service(ctx, method, path, data);
  if (has(f, 'fail') && answer.status >= 400) return failed(has(f, 'silent') && !has(f, 'show-error') ? '' : `curl: (22) The requested URL returned error: ${answer.status}`, 22);
  const head = has(f, 'include') ? `HTTP/1.1 ${answer.status} ${reasons[answer.status] ?? ''}\r\nContent-Type: application/json\r\nContent-Length: ${answer.body.length}\r\n\r\n` : '';
  // curl prints the body as the server sent it; the shell's prompt starts on a new line after it.
  const effects = answer.effects ?? [];
  const out = answer.body === '' && head === '' ? '' : `${head}${answer.body}\n`;
  return { out, err: '', exit: 0, effects, ...(effects.length > 0 ? { changed: `${serviceNames[key] ?? key}: ${method} ${path}` } : {}) };
}

function complete(n: ShellNames, before: readonly string[]): readonly string[] {
  const flink = n.flinkJobIds.map((id) => `http://flink-jobmanager:8081/jobs/${flinkJobId(id)}`);
  const subjects = n.subjects.map((x) => `http://schema-registry:8081/subjects/${x}/versions`);
  const connectors = n.connectors.map((x) => `http://kafka-connect:8083/connectors/${x}/status`);
  if (before.at(-1) === '-X') return ['GET', 'POST', 'PUT'];
  return ['-s', '-X', '-H', '-d', 'http://flink-jobmanager:8081/jobs', 'http://flink-jobmanager:8081/jobs/overview', ...flink, 'http://kafka-connect:8083/connectors', ...connectors, 'http://schema-registry:8081/subjects', ...subjects].sort();
}

/** `curl` against the platform's REST services: the schema registry, Flink's job manager, Kafka Connect. */
export const curl: Tool = {
  name: 'curl',
  summary: 'HTTP requests to the schema registry, the Flink REST API and Kafka Connect',
  durationS: () => 1,
  run,
  complete,
};
