/**
 * Worker-thread entry of the extraction pool (src/extract/worker-pool.ts): runs extractArticle on the pages it
 * is sent, one at a time, and posts back the Article or the error. Compiled to dist/extract/extract-worker.js.
 */
import { parentPort } from 'node:worker_threads';
import { toChronicleError, type ErrorCode } from '../errors.js';
import type { Article } from '../types.js';
import { extractArticle, type ExtractOptions } from './extract-article.js';
import { HeapTooSmallError } from './limits.js';

export interface ExtractRequest {
  type: 'extract';
  id: number;
  html: Uint8Array | string;
  options: ExtractOptions;
}

export interface SerializedError {
  code: ErrorCode;
  message: string;
  status?: number;
  url?: string;
}

export type ExtractResponse =
  | { type: 'done'; id: number; article: Article }
  | { type: 'failed'; id: number; error: SerializedError }
  /** The page needs a larger heap than this worker's (HeapTooSmallError): its bytes come back with the answer. */
  | { type: 'heavy'; id: number; needMb: number; message: string; html: Uint8Array | string };

function serializeError(error: unknown): SerializedError {
  const failure = toChronicleError(error);
  return {
    code: failure.code,
    message: failure.message,
    ...(failure.status !== undefined ? { status: failure.status } : {}),
    ...(failure.url !== undefined ? { url: failure.url } : {}),
  };
}

async function handle(request: ExtractRequest): Promise<ExtractResponse> {
  try {
    return { type: 'done', id: request.id, article: await extractArticle(request.html, request.options) };
  } catch (error) {
    if (error instanceof HeapTooSmallError) return { type: 'heavy', id: request.id, needMb: error.needMb, message: error.message, html: request.html };
    return { type: 'failed', id: request.id, error: serializeError(error) };
  }
}

const port = parentPort;
if (port !== null) {
  port.on('message', (request: ExtractRequest) => {
    if (request?.type !== 'extract') return;
    void handle(request).then((response) => {
      if (response.type === 'heavy' && typeof response.html !== 'string') port.postMessage(response, [response.html.buffer as ArrayBuffer]);
      else port.postMessage(response);
    });
  });
}
