export { avroType, parseSchemaText } from './avro-type';
export { incompatibilities, type Incompatibility, type IncompatibilityType } from './schema-compatibility';
export { checkCompatibility, type CompatibilityMode, type CompatibilityVerdict, type PreviousVersion } from './compatibility-check';
export { readerOutcome, resolutionFailures, type ReaderOutcome, type ResolutionFailure, type DefaultedField } from './reader-outcome';
export { hasFieldPath } from './field-path';
export { registryRequest, registeredVersions, type RegistryResponse } from './registry-rest';
