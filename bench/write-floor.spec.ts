import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFloorSeconds } from './write-floor';

describe('the write floor of a rebuild', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'write-floor-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function built(): string {
    const file = join(dir, 'built.sqlite');
    const db = new Database(file);
    db.exec(`
      CREATE TABLE matters (id TEXT PRIMARY KEY, unit TEXT NOT NULL, state TEXT NOT NULL);
      CREATE INDEX matters_by_unit ON matters (unit, id);
      CREATE TABLE limits (matter_id TEXT NOT NULL, key TEXT NOT NULL, last_day TEXT, PRIMARY KEY (matter_id, key)) WITHOUT ROWID;
      CREATE INDEX limits_by_day ON limits (last_day);`);
    const matter = db.prepare('INSERT INTO matters VALUES (?, ?, ?)');
    const limit = db.prepare('INSERT INTO limits VALUES (?, ?, ?)');
    db.transaction(() => {
      for (let n = 0; n < 2500; n++) {
        matter.run(`m-${n}`, `unit-${n % 7}`, JSON.stringify({ n }));
        limit.run(`m-${n}`, 'reply#0', n % 3 === 0 ? null : `2022-01-${String((n % 28) + 1).padStart(2, '0')}`);
      }
    })();
    db.close();
    return file;
  }

  const contents = (file: string) => {
    const db = new Database(file, { readonly: true });
    const result = {
      schema: db.prepare('SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name').all(),
      matters: db.prepare('SELECT * FROM matters ORDER BY id').all(),
      limits: db.prepare('SELECT * FROM limits ORDER BY matter_id, key').all(),
      byUnit: db.prepare("SELECT id FROM matters INDEXED BY matters_by_unit WHERE unit = 'unit-3'").all(),
    };
    db.close();
    return result;
  };

  it("writes every table's rows and builds every index, in batches, and counts what it wrote", async () => {
    const source = built();
    const floor = join(dir, 'floor.sqlite');
    const result = await writeFloorSeconds(source, floor, { batchRows: 300, keep: true });
    expect(result).toMatchObject({ rows: 5000, tables: 2 });
    expect(result.seconds).toBeGreaterThan(0);
    expect(contents(floor)).toEqual(contents(source));
  });

  it('removes its scratch file unless asked to keep it', async () => {
    const floor = join(dir, 'floor.sqlite');
    await writeFloorSeconds(built(), floor);
    expect(existsSync(floor)).toBe(false);
  });
});
