// Every npm script runs on the Node 24 that the `node` devDependency puts in node_modules/.bin.
// If that did not install (its install script was blocked, or npm ran with --ignore-scripts),
// say so plainly instead of failing later in an obscure way.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `xaso: cần Node 24 (đang chạy Node ${process.versions.node}). Chạy lại "npm ci" (không dùng --ignore-scripts) để cài Node 24 vào node_modules/.bin.\n` +
      `xaso: needs Node 24 (running ${process.versions.node}). Run "npm ci" again (without --ignore-scripts) so node_modules/.bin gets Node 24.`,
  );
  process.exit(1);
}
