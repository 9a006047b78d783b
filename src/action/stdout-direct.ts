/** Writes to the process's standard output without creating `process.stdout`. */
import { writeSync } from 'node:fs';

let viaStream = false;

/**
 * Creating `process.stdout` compiles ~20 of Node's own modules (streams, string_decoder), about 3 ms of every run
 * that prints a line; the validate path prints only a few, so it writes them to file descriptor 1 directly. A
 * non-blocking pipe that is full (EAGAIN) or any other write error hands the rest to `process.stdout`, which queues
 * and reports as before; everything after that goes there too, so the order of the lines is kept.
 */
export function writeStdoutDirect(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  if (!viaStream) {
    try {
      while (offset < bytes.length) offset += writeSync(1, bytes, offset, bytes.length - offset);
      return;
    } catch {
      viaStream = true;
    }
  }
  process.stdout.write(bytes.subarray(offset));
}
