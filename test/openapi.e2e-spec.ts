import { getMetadataStorage } from 'class-validator';
import { CATEGORIES, CHANNELS, LEVELS, REVIEW_STAGES, SOURCES } from '@app/domain';
import {
  AcceptanceDto,
  ActionDto,
  AssignmentDto,
  CorrectionDto,
  ErasureDto,
  EvaluationDto,
  ExtensionDto,
  OpenMatterDto,
  OwnerDto,
  RecordContactDto,
  RemitReturnDto,
  ReplyDto,
  ResolutionDto,
  ReviewDecisionDto,
  ReviewRequestDto,
} from '../apps/api/src/matters/matter.dto';
import { ChangeUnitsDto } from '../apps/api/src/principals/change-units/change-units.dto';
import { IssueTokenDto } from '../apps/api/src/principals/issue-token/issue-token.dto';
import { RegisterPrincipalDto } from '../apps/api/src/principals/register-principal/register-principal.dto';
import { RevokePrincipalDto } from '../apps/api/src/principals/revoke-principal/revoke-principal.dto';
import { RegisterUnitDto } from '../apps/api/src/units/register-unit/register-unit.dto';
import { startTestApp, TestApp } from './support/test-app';

interface Schema {
  type?: string;
  properties?: Record<
    string,
    Schema & { $ref?: string; enum?: string[]; minimum?: number; maximum?: number; items?: { $ref?: string } }
  >;
  required?: string[];
  $ref?: string;
}

/** Every write of API.md's Units and Matters sections, with the DTO that validates its body. */
const WRITES: [string, new () => object][] = [
  ['/api/v1/units', RegisterUnitDto],
  ['/api/v1/principals', RegisterPrincipalDto],
  ['/api/v1/principals/{id}/revocation', RevokePrincipalDto],
  ['/api/v1/principals/{id}/tokens', IssueTokenDto],
  ['/api/v1/principals/{id}/units', ChangeUnitsDto],
  ['/api/v1/matters', OpenMatterDto],
  ['/api/v1/matters/{id}/contacts', RecordContactDto],
  ['/api/v1/matters/{id}/assignments', AssignmentDto],
  ['/api/v1/matters/{id}/acceptance', AcceptanceDto],
  ['/api/v1/matters/{id}/remit-returns', RemitReturnDto],
  ['/api/v1/matters/{id}/actions', ActionDto],
  ['/api/v1/matters/{id}/extensions', ExtensionDto],
  ['/api/v1/matters/{id}/replies', ReplyDto],
  ['/api/v1/matters/{id}/evaluations', EvaluationDto],
  ['/api/v1/matters/{id}/reviews', ReviewRequestDto],
  ['/api/v1/matters/{id}/reviews/decisions', ReviewDecisionDto],
  ['/api/v1/matters/{id}/resolution', ResolutionDto],
  ['/api/v1/matters/{id}/owners', OwnerDto],
  ['/api/v1/matters/{id}/corrections', CorrectionDto],
  ['/api/v1/petitioners/{id}/erasure', ErasureDto],
];

/** The members class-validator checks on a DTO (inherited ones included): what the whitelist lets through. */
function validatedMembers(dto: new () => object): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))].sort();
}

describe('OpenAPI description at /api/docs-json', () => {
  let t: TestApp;
  let doc: {
    paths: Record<
      string,
      Record<
        string,
        {
          requestBody?: { content: Record<string, { schema: Schema }> };
          parameters?: { name: string; in: string }[];
          security?: unknown[];
        }
      >
    >;
    components: { schemas: Record<string, Schema> };
  };
  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    doc = res.body;
  });
  afterAll(() => t.close());

  const resolve = (schema: Schema): Schema =>
    schema.$ref ? doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;

  it.each(WRITES)('POST %s documents its body as exactly the members its DTO validates', (path, dto) => {
    const op = doc.paths[path]?.post;
    expect(op).toBeDefined();
    const schema = op.requestBody!.content['application/json'].schema;
    expect(schema.$ref).toBe(`#/components/schemas/${dto.name}`);
    const documented = Object.keys(resolve(schema).properties ?? {}).sort();
    expect(documented).toEqual(validatedMembers(dto));
    if (path.includes('{id}'))
      expect(op.parameters).toContainEqual(expect.objectContaining({ name: 'id', in: 'path' }));
    expect(op.security).toEqual([{ bearer: [] }]);
  });

  it('OpenMatterDto: the fields of API.md, the required ones, and the code lists of the domain', () => {
    const open = doc.components.schemas.OpenMatterDto;
    expect(Object.keys(open.properties!).sort()).toEqual([
      'category',
      'contact',
      'id',
      'petitioners',
      'responsibleUnit',
      'subject',
      'summary',
    ]);
    expect(open.required!.sort()).toEqual(['category', 'contact', 'responsibleUnit', 'summary']);
    expect(open.properties!.category.enum).toEqual([...CATEGORIES]);
    expect(open.properties!.contact.$ref).toBe('#/components/schemas/ContactDto');
    expect(open.properties!.petitioners.items!.$ref).toBe('#/components/schemas/PetitionerDto');
    const contact = doc.components.schemas.ContactDto;
    expect(Object.keys(contact.properties!).sort()).toEqual(['channel', 'headcount', 'level', 'occurredAt', 'source']);
    expect(contact.properties!.channel.enum).toEqual([...CHANNELS]);
    expect(contact.properties!.level.enum).toEqual([...LEVELS]);
    expect(contact.properties!.source.enum).toEqual([...SOURCES]);
    expect(contact.properties!.headcount.minimum).toBe(1);
    expect(Object.keys(doc.components.schemas.PetitionerDto.properties!).sort()).toEqual([
      'address',
      'idNumber',
      'name',
      'phone',
    ]);
  });

  it('ExtensionDto documents days 1..30; review stages are the domain’s', () => {
    const days = doc.components.schemas.ExtensionDto.properties!.days;
    expect([days.minimum, days.maximum]).toEqual([1, 30]);
    expect(doc.components.schemas.ReviewRequestDto.properties!.stage.enum).toEqual([...REVIEW_STAGES]);
  });

  it('lists the reads with their query parameters', () => {
    expect(doc.paths['/api/v1/units'].get).toBeDefined();
    const list = doc.paths['/api/v1/matters'].get;
    expect(list.parameters!.map((p) => p.name).sort()).toEqual([
      'cursor',
      'from',
      'limit',
      'minPosition',
      'overdue',
      'status',
      'subject',
      'to',
      'unit',
    ]);
    for (const path of ['/api/v1/matters/{id}', '/api/v1/matters/{id}/timeline']) {
      expect(doc.paths[path].get.parameters!.map((p) => p.name).sort()).toEqual(['id', 'minPosition']);
    }
  });

  it('serves the UI at /api/docs', async () => {
    const res = await t.http().get('/api/docs').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});
