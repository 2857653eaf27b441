import { randomUUID } from 'node:crypto';
import { closeSync, fdatasyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { Body, Controller, HttpCode, Inject, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { WalSync } from '@app/runtime';
import { openWritesFile, type BaselineServer } from './baseline-server';
import { percentile } from './bench-harness';

/**
 * The floor of the framework the app is built on: NestJS 11 on Express (the app's own
 * adapter and body parser), one controller, and the baseline's work per request (the JSON
 * body stored by one INSERT in its own commit), made durable the way the app's ledger
 * makes its writes durable: WAL with synchronous=NORMAL and WalSync's fsync on the thread
 * pool, one fsync shared by every commit waiting for it, the 201 sent only after it.
 * Nothing of the app: no guard, validation, sealing, ledger or read models. It is the
 * most any write through this framework can reach here: what it reaches beside the
 * baseline is what the framework costs, and what the app reaches beside it is what a
 * write's own work costs.
 */
const INSERT = Symbol('floor insert');

@Controller('matters')
class FloorController {
  constructor(@Inject(INSERT) private readonly write: (body: unknown) => Promise<string>) {}

  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown): Promise<{ id: string }> {
    return { id: await this.write(body) };
  }
}

export async function startFrameworkFloorServer(file: string): Promise<BaselineServer> {
  const { db, insert } = openWritesFile(file, 'NORMAL');
  const walSync = new WalSync(`${file}-wal`);
  const write = async (body: unknown): Promise<string> => {
    const id = randomUUID();
    insert.run(id, JSON.stringify(body));
    await walSync.afterCommit();
    return id;
  };

  @Module({ controllers: [FloorController], providers: [{ provide: INSERT, useValue: write }] })
  class FloorModule {}

  // The app's body parsing: Express's JSON parser as create-app.ts sets it up.
  const app = await NestFactory.create<NestExpressApplication>(FloorModule, { logger: false, bodyParser: false });
  app.useBodyParser('json', { limit: '1mb', type: ['application/json', 'application/*+json'] });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/matters`,
    close: async () => {
      await app.close();
      await walSync.settled();
      walSync.close();
      db.close();
    },
  };
}

/**
 * What one durable write costs this machine's disk: a 4 KiB write then fdatasync, `times`
 * over, in `dir`. When it is small beside a request's CPU, the one-fsync-per-request
 * baseline is bound by CPU rather than by the disk, and group commit has little to win.
 */
export function fsyncLatencyUs(dir: string, times = 200): { p50: number; p99: number } {
  const file = `${dir}/fsync-probe`;
  const fd = openSync(file, 'w');
  const page = Buffer.alloc(4096, 1);
  const samples: number[] = [];
  try {
    for (let i = 0; i < times; i++) {
      const start = process.hrtime.bigint();
      writeSync(fd, page, 0, page.length, 0);
      fdatasyncSync(fd);
      samples.push(Number(process.hrtime.bigint() - start) / 1000);
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99) };
}
