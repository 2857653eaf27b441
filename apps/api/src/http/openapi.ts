import { INestApplication } from '@nestjs/common';
import { ApiCreatedResponse, ApiProperty, DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { FIELD_ERROR_SCHEMA, PROBLEM_SCHEMA } from './api-problems';

/** The bearer security scheme's name: `@ApiBearerAuth()` on a controller refers to it. */
export const BEARER_SCHEME = 'bearer';

/** The OpenAPI description is served here (UI) and, as JSON, at `${API_DOCS_PATH}-json`. */
export const API_DOCS_PATH = 'api/docs';

/** API.md "Writes return 201 {id, revision, position}". */
export class WriteResultDto {
  @ApiProperty({ example: 'XF-2022-0001', description: 'the id of what was written' })
  id!: string;

  @ApiProperty({ example: 0, description: 'the stream revision after the write' })
  revision!: number;

  @ApiProperty({
    example: '42',
    pattern: '^\\d+$',
    description: 'global ledger position of the write’s last event, a string of digits (see minPosition)',
  })
  position!: string;
}

/** The 201 of a write: `{id, revision, position}` (a description may say more, e.g. its stream). */
export const ApiWritten = (description = 'Written: the stream revision and ledger position') =>
  ApiCreatedResponse({ type: WriteResultDto, description });

/** The document served at /api/docs-json, built from the controllers' decorators. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('petition-ledger')
    .setDescription('Event-sourced ledger of a letters-and-visits bureau (信访局). Contract: API.md v1.')
    .setVersion('1')
    // Paths carry their prefix (/api/v1, /health): the server is the origin that serves this document.
    .addServer('/', 'the server that serves this document')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque',
        description: 'a token from POST /api/v1/principals, or LEDGER_ADMIN_TOKEN (an admin)',
      },
      BEARER_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [WriteResultDto] });
  // package.json: private and UNLICENSED; DocumentBuilder.setLicense would add an empty url.
  document.info.license = { name: 'UNLICENSED' };
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA, FieldError: FIELD_ERROR_SCHEMA },
  };
  return document;
}
