import type { Test } from 'supertest';

/** Collects a binary response body (supertest buffers only text and JSON by itself): `.parse(binaryBody)`. */
export const binaryBody: Parameters<Test['parse']>[0] = (res, callback) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};
