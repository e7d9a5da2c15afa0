/**
 * Types of the two internals of the npm `ping` package (danielzzz/node-ping 1.0.0) we use: its
 * argv builders and its output parsers, driven with an injected platform. We never call its
 * `promise.probe` (it reads `process.platform` and has no overall timeout).
 */
declare module 'ping/lib/parser/factory.js' {
  type PingParser = { eat: (line: string) => unknown; getResult: () => Record<string, unknown> };
  const factory: {
    createParser: (addr: string, platform: string, config?: Record<string, unknown>) => PingParser;
  };
  export default factory;
}
declare module 'ping/lib/builder/factory.js' {
  const factory: {
    createBuilder: (platform: string) => {
      getCommandArguments: (target: string, config?: Record<string, unknown>) => string[];
    };
  };
  export default factory;
}
