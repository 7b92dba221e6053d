import { opt, type ParsedFlags } from '../flags';
import { bootstrapServer } from '../platform';
import { failed, type ToolResult } from '../types';

/**
 * What Apache Kafka's command-line tools say before they do anything: joptsimple's errors for
 * an unknown option or a missing value, the required `--bootstrap-server`, and a broker that is
 * not there. Null when the command may go on.
 */
export function kafkaCliProblem(f: ParsedFlags, help: string): ToolResult | null {
  if (f.unknown) return failed(`Exception in thread "main" joptsimple.UnrecognizedOptionException: ${f.unknown.replace(/^-+/, '')} is not a recognized option`);
  if (f.missingValue) return failed(`Exception in thread "main" joptsimple.OptionMissingRequiredArgumentException: Option ${f.missingValue} requires an argument`);
  const server = opt(f, 'bootstrap-server');
  if (!server) return failed(`Missing required argument "[bootstrap-server]"\n${help}`);
  if (!server.split(',').some((x) => x === bootstrapServer || x.startsWith('kafka-'))) {
    return failed(`[AdminClient clientId=adminclient-1] Connection to node -1 (${server}) could not be established. Broker may not be available.\nError: Executing command failed due to org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment.`);
  }
  return null;
}
