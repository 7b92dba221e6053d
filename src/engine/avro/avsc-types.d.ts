// avsc's types-only browser entry: no streams, no Node built-ins, no Buffer global needed.
declare module 'avsc/etc/browser/avsc-types.js' {
  export { Type } from 'avsc';
}
