import http from "node:http";
import type { AddressInfo } from "node:net";
import type { SourceTree } from "../../load/source-tree.js";
import { safeRequestPath } from "./request-path.js";
import { LAST_GOOD_PATH } from "../../render/html/preview-page.js";

/** What one build of the preview gives: the page, and the attachments it may link to. */
export interface PreviewBuild {
  /** The page for a version of the preview (the pack, or the errors to mend), or null when it cannot be made. */
  page: (version: number) => string | readonly Uint8Array[] | null;
  /** Root-relative paths of the attachments the page may link to, and the tree to read them from. */
  attachments: ReadonlySet<string>;
  tree: SourceTree | null;
  /** While the submission has errors: the last pack that built, for the error page's links. */
  lastGood?: (version: number) => string | readonly Uint8Array[] | null;
}

/** A preview being served. */
export interface PreviewServer {
  url: string;
  port: number;
  /** Shows a new build: the open pages reload. */
  publish(build: PreviewBuild): void;
  /** The version of the build being served (1 for the first). */
  version(): number;
  close(): Promise<void>;
}

/** Where a busy default port moves on to, at most. */
const PORT_TRIES = 50;

/**
 * Serves the latest build on 127.0.0.1 only: `/` is the page, `/__cse/events` tells open pages
 * the latest version (server-sent events), and any other path is one of the pack's attachments
 * or 404. Nothing a request says reaches the file system but an exact attachment path.
 */
export async function startPreviewServer(
  first: PreviewBuild,
  options: { port?: number; defaultPort: number },
): Promise<PreviewServer> {
  let build = first;
  let version = 1;
  // The page of the current version, encoded once: a 3,000-item pack is some 13 MB.
  let encoded: { version: number; body: readonly Uint8Array[] | null } | null = null;
  const page = (): readonly Uint8Array[] | null => {
    if (encoded?.version !== version) {
      const text = build.page(version);
      encoded = {
        version,
        body: text === null ? null : typeof text === "string" ? [Buffer.from(text, "utf8")] : text,
      };
    }
    return encoded.body;
  };
  const listeners = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Cache-Control", "no-store");
    if (req.method !== "GET" && req.method !== "HEAD")
      return send(res, 405, "text/plain", "Only GET is served\n");
    const url = req.url ?? "/";
    if (url === "/" || url === "/index.html") {
      const body = page();
      if (body === null) return send(res, 500, "text/plain", "The pack could not be prepared for preview\n");
      return send(res, 200, "text/html; charset=utf-8", body);
    }
    if (url === LAST_GOOD_PATH) {
      const body = build.lastGood?.(version) ?? null;
      if (body === null) return send(res, 404, "text/plain", "Not found\n");
      return send(res, 200, "text/html; charset=utf-8", body);
    }
    if (url === "/__cse/events") {
      res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store" });
      res.write(`event: version\ndata: ${version}\n\n`);
      listeners.add(res);
      req.on("close", () => listeners.delete(res));
      return;
    }
    const file = safeRequestPath(url);
    if (file === null || build.tree === null || !build.attachments.has(file))
      return send(res, 404, "text/plain", "Not found\n");
    try {
      return send(res, 200, "application/octet-stream", build.tree.read(file));
    } catch {
      return send(res, 404, "text/plain", "Not found\n");
    }
  });
  const port = await listen(server, options.port, options.defaultPort);
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    version: () => version,
    publish(next) {
      build = next;
      version++;
      encoded = null;
      for (const res of listeners) res.write(`event: version\ndata: ${version}\n\n`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of listeners) res.end();
        listeners.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(
  res: http.ServerResponse,
  status: number,
  type: string,
  body: string | Uint8Array | readonly Uint8Array[],
): void {
  // A page comes in pieces (a 13 MB page is never joined into one buffer).
  const pieces = typeof body === "string" || body instanceof Uint8Array ? [body] : body;
  const length = pieces.reduce((n, piece) => n + Buffer.byteLength(piece), 0);
  res.writeHead(status, { "Content-Type": type, "Content-Length": length });
  if (res.req.method !== "HEAD") for (const piece of pieces) res.write(piece);
  res.end();
}

/** Listens on `port`, or on the default port or the next free one after it. */
async function listen(server: http.Server, port: number | undefined, defaultPort: number): Promise<number> {
  const tries = port === undefined ? PORT_TRIES : 1;
  const start = port ?? defaultPort;
  for (let i = 0; i < tries; i++) {
    try {
      await new Promise<void>((resolve, reject) => {
        const onError = (err: Error) => {
          server.off("listening", onListening);
          reject(err);
        };
        const onListening = () => {
          server.off("error", onError);
          resolve();
        };
        server.once("error", onError);
        server.once("listening", onListening);
        server.listen(start + i, "127.0.0.1");
      });
      return (server.address() as AddressInfo).port;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE" || i === tries - 1) throw err;
    }
  }
  throw new Error("unreachable");
}
