import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import { deflateSync } from "node:zlib";

/**
 * Deflates bytes on a second thread while this one goes on, for the PDF's page content: the
 * page is handed over as it ends and its deflated bytes are taken back when the next page ends
 * (`take` waits for them if they are not back yet), so laying out page k+1 and deflating page k
 * use both cores. Where the bytes are written does not depend on which thread deflated them or
 * how fast, so the file is the same byte for byte: the same zlib with the same settings
 * (pdfkit's, the default level) gives the same bytes on any thread. The 3,000-item pack spent
 * about a twelfth of its time deflating its pages (docs/benchmarks.md, issue 22).
 *
 * One worker serves the process, made when first asked for and never keeping the process alive.
 * Should it fail to start or stop answering, the bytes are deflated here instead, with the same
 * result, and the worker is not asked again.
 */
export class Deflater {
  private readonly port: MessagePort | null = null;
  /** How many results the worker has sent: it adds one after each, and wakes whoever waits. */
  private readonly sent = new Int32Array(new SharedArrayBuffer(4));
  /** How many results have come back from the worker (`received`). */
  private results = 0;
  private nextTicket = 0;
  private broken = false;

  /** With `worker` false, every page is deflated on the thread that asks, when it is taken. */
  private constructor(worker: boolean) {
    if (!worker) {
      this.broken = true;
      return;
    }
    const { port1, port2 } = new MessageChannel();
    let thread: Worker;
    try {
      thread = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { port: port2, sent: this.sent },
        transferList: [port2],
      });
    } catch {
      this.broken = true; // no threads to be had here: every page is deflated on this one
      return;
    }
    this.port = port1;
    thread.on("error", () => {
      this.broken = true;
    });
    thread.unref();
    this.port.unref();
  }

  /** How many results have come back from the worker: tests read it to see the worker used. */
  get received(): number {
    return this.results;
  }

  /**
   * The process's deflater; with deflating aside turned off (`deflateAside`), one that deflates
   * each page on the thread that asks, when it is taken: the same bytes, the same file.
   */
  static shared(): Deflater {
    if (!enabled) return (here ??= new Deflater(false));
    return (shared ??= new Deflater(true));
  }

  /**
   * Hands the bytes of `pieces` over to be deflated; `take` with the ticket returned gives them
   * back deflated. They are gathered into a buffer of their own, which is moved to the worker
   * rather than copied (and copied back only if the worker fails): not Buffer.concat, which may
   * hand out a slice of Node's shared pool, whose moving would take the pool from everyone.
   */
  give(pieces: readonly Uint8Array[]): Ticket {
    let length = 0;
    for (const piece of pieces) length += piece.length;
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const piece of pieces) {
      bytes.set(piece, at);
      at += piece.length;
    }
    const id = ++this.nextTicket;
    if (this.broken || this.port === null) return { id, bytes };
    this.port.postMessage({ id, bytes }, [bytes.buffer]);
    return { id, bytes: null };
  }

  /**
   * The deflated bytes of a ticket, waiting for them if the worker is not done yet; null if the
   * worker stopped answering with them, when the caller deflates them itself. Results of tickets
   * never taken (a drawing thrown away) are passed over.
   */
  take(ticket: Ticket): Uint8Array | null {
    while (!this.broken && this.port !== null) {
      const message = receiveMessageOnPort(this.port)?.message as Result | undefined;
      if (message !== undefined) {
        this.results++;
        if (message.id === ticket.id) return message.deflated ?? deflateSync(message.bytes);
        if (message.id > ticket.id) break; // cannot happen: results come back in order
        continue;
      }
      // Nothing yet: sleep until the worker has sent more than was received (at once if it has).
      if (Atomics.wait(this.sent, 0, this.results, ANSWER_MS) === "timed-out") this.broken = true;
    }
    // Here only if the worker failed before this ticket's bytes were moved, or stopped answering
    // (their bytes are then gone with it: the caller deflates its own copy).
    return ticket.bytes === null ? null : deflateSync(ticket.bytes);
  }
}

/** Bytes handed over to be deflated. */
export interface Ticket {
  readonly id: number;
  /** The bytes, when they stayed here (the worker had failed). */
  readonly bytes: Uint8Array | null;
}

interface Result {
  id: number;
  /** Null if the worker could not deflate them: `bytes` are then sent back, to be deflated here. */
  deflated: Uint8Array | null;
  bytes: Uint8Array;
}

/** How long a page may take to come back before the worker is given up on, in ms. */
const ANSWER_MS = 10_000;

let shared: Deflater | null = null;
let here: Deflater | null = null;
let enabled = true;

/**
 * Turns the second thread on or off for the documents made from now on: off, each page is
 * deflated on the drawing thread, at the same place in the file (tests compare the bytes made
 * both ways). On unless turned off.
 */
export function deflateAside(on: boolean): void {
  enabled = on;
}

// The worker, as CommonJS source (no file to find, built or not): deflate each page as it
// comes, send it back, count it in `sent` and wake the waiting thread.
const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const { deflateSync } = require("node:zlib");
const { port, sent } = workerData;
port.on("message", ({ id, bytes }) => {
  let deflated = null;
  try {
    deflated = deflateSync(bytes);
  } catch {
    // sent back as null, with the bytes: deflated by the thread that asked
  }
  port.postMessage(deflated === null ? { id, deflated, bytes } : { id, deflated });
  Atomics.add(sent, 0, 1);
  Atomics.notify(sent, 0);
});
`;
