import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { TransformationType } from 'class-transformer';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationArguments, ValidatorConstraintInterface } from 'class-validator';

/**
 * A request body's DTO read once, from the very metadata ValidationPipe uses (class-validator's
 * rules, class-transformer's `@Type`), into a check of the parsed JSON and a builder of the DTO
 * instance. It runs each rule's own validator function, only without what class-validator does
 * around it per request (filtering the whole metadata store, an error object per property).
 *
 * It decides only "valid": when `accepts` says yes, class-validator would have found nothing and
 * `build` gives what class-transformer would have given. For anything it is unsure of (an invalid
 * value, an unknown key, a rule it was not compiled for) it says no, and the full pipe runs, so
 * every problem response and its `errors` stay exactly those of class-validator.
 */
export interface CompiledBody {
  accepts(body: object): boolean;
  build(body: object): object;
}

type Constructor = new () => object;

interface Rule {
  validate(value: unknown, args: ValidationArguments): unknown;
  constraints: unknown[];
  each: boolean;
  validateIf?: (object: object, value: unknown) => boolean;
}

interface PropertyPlan {
  name: string;
  /** IsOptional / ValidateIf: the property's rules run only if all of them hold. */
  conditions: ((object: object, value: unknown) => boolean)[];
  rules: Rule[];
  /** ValidateNested with the class-transformer `@Type` the value is built into. */
  nested?: ClassPlan;
}

interface ClassPlan {
  cls: Constructor;
  properties: PropertyPlan[];
  byName: Map<string, PropertyPlan>;
}

class NotCompilable extends Error {}

const compiled = new WeakMap<object, CompiledBody | null>();

/** The compiled body for a DTO class, or null when some rule of it has to go through the full pipe. */
export function compiledBodyFor(metatype: object): CompiledBody | null {
  if (compiled.has(metatype)) return compiled.get(metatype)!;
  let result: CompiledBody | null = null;
  if (typeof metatype === 'function') {
    try {
      const plan = compilePlan(metatype as Constructor, undefined, new Map());
      result = { accepts: (body) => accepts(plan, body), build: (body) => build(plan, body) };
    } catch (error) {
      if (!(error instanceof NotCompilable)) throw error;
    }
  }
  compiled.set(metatype, result);
  return result;
}

function notCompilable(): never {
  throw new NotCompilable();
}

/** `schema` is what class-validator passes for a nested object: the name of the class holding it. */
function compilePlan(cls: Constructor, schema: string | undefined, plans: Map<string, ClassPlan>): ClassPlan {
  const key = `${cls.name}\u0000${schema ?? ''}`;
  const known = plans.get(key);
  if (known?.cls === cls) return known;
  if (known) notCompilable();
  const storage = getMetadataStorage();
  // The same call, with the same options (no groups, not `always`), as class-validator's executor.
  const metadatas = storage.getTargetValidationMetadatas(cls, schema as string, false, false, undefined);
  if (metadatas.length === 0) notCompilable();
  if (defaultMetadataStorage.getStrategy(cls) !== 'none') notCompilable();
  if (defaultMetadataStorage.getExposedMetadatas(cls).length > 0) notCompilable();
  if (defaultMetadataStorage.getExcludedMetadatas(cls).length > 0) notCompilable();
  const plan: ClassPlan = { cls, properties: [], byName: new Map() };
  plans.set(key, plan);
  const grouped = storage.groupByPropertyName(metadatas);
  for (const [name, propertyMetadatas] of Object.entries(grouped)) {
    // class-transformer skips such keys (a getter, a method), class-validator would still see the value.
    if (name in cls.prototype) notCompilable();
    if (defaultMetadataStorage.findTransformMetadatas(cls, name, TransformationType.PLAIN_TO_CLASS).length > 0)
      notCompilable();
    const property: PropertyPlan = { name, conditions: [], rules: [] };
    let nested = false;
    for (const metadata of propertyMetadatas) {
      switch (metadata.type) {
        case ValidationTypes.WHITELIST:
          break;
        case ValidationTypes.CONDITIONAL_VALIDATION:
          property.conditions.push(metadata.constraints[0] as (object: object, value: unknown) => boolean);
          break;
        case ValidationTypes.IS_DEFINED:
        case ValidationTypes.CUSTOM_VALIDATION:
          for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
            if (constraint.async) notCompilable();
            const instance = constraint.instance as ValidatorConstraintInterface;
            property.rules.push({
              validate: (value, args) => instance.validate(value, args),
              constraints: metadata.constraints,
              each: metadata.each,
              validateIf: metadata.validateIf,
            });
          }
          break;
        case ValidationTypes.NESTED_VALIDATION:
          nested = true;
          break;
        default:
          notCompilable();
      }
    }
    const type = defaultMetadataStorage.findTypeMetadata(cls, name);
    if (nested) {
      if (!type || type.options?.discriminator || !type.typeFunction) notCompilable();
      const nestedCls = type.typeFunction() as Constructor;
      if (typeof nestedCls !== 'function') notCompilable();
      property.nested = compilePlan(nestedCls, cls.name, plans);
    } else if (type) {
      // `@Type` without ValidateNested converts the value (e.g. to Number): not compiled.
      notCompilable();
    }
    plan.properties.push(property);
    plan.byName.set(name, property);
  }
  // A field the class declares without any rule is an own property of every instance, which the
  // whitelist refuses: such a class always fails, and the full pipe says so.
  for (const field of Object.keys(new cls())) if (!plan.byName.has(field)) notCompilable();
  return plan;
}

/** What JSON.parse makes of `{...}`: the only objects the compiled check takes. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function isPrimitive(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

function accepts(plan: ClassPlan, body: object): boolean {
  if (!isPlainObject(body)) return false;
  for (const key of Object.keys(body)) if (!plan.byName.has(key)) return false;
  for (const property of plan.properties) {
    const value = body[property.name];
    const nested = property.nested;
    // Only values built as they are (or into the nested class) are compiled; class-transformer
    // would copy any other object, and class-validator would see the copy.
    if (!nested && !isPrimitive(value) && !(Array.isArray(value) && value.every(isPrimitive))) return false;
    if (!conditionsHold(property, body, value)) {
      if (nested && value !== undefined && value !== null) return false;
      continue;
    }
    for (const rule of property.rules) if (!passes(rule, plan, property, body, value)) return false;
    if (!nested || value === undefined) continue;
    if (Array.isArray(value)) {
      if (!value.every((item) => isPlainObject(item) && accepts(nested, item))) return false;
    } else if (!isPlainObject(value) || !accepts(nested, value)) return false;
  }
  return true;
}

function passes(rule: Rule, plan: ClassPlan, property: PropertyPlan, body: object, value: unknown): boolean {
  if (rule.validateIf && !rule.validateIf(body, value)) return true;
  const args: ValidationArguments = {
    targetName: plan.cls.name,
    property: property.name,
    object: body,
    value,
    constraints: rule.constraints,
  };
  if (!(rule.each && Array.isArray(value))) return valid(rule.validate(value, args));
  return value.every((item) => valid(rule.validate(item, args)));
}

/** A promise would be an async rule: the full pipe waits for it. */
function valid(result: unknown): boolean {
  return !!result && !(result instanceof Promise);
}

function conditionsHold(property: PropertyPlan, body: object, value: unknown): boolean {
  for (const condition of property.conditions) if (!condition(body, value)) return false;
  return true;
}

/** As class-transformer's plainToInstance: a new instance, the body's keys copied in their order. */
function build(plan: ClassPlan, body: object): object {
  const instance = new plan.cls() as Record<string, unknown>;
  for (const [key, value] of Object.entries(body)) {
    const nested = plan.byName.get(key)!.nested;
    if (nested && Array.isArray(value)) instance[key] = value.map((item: object) => build(nested, item));
    else if (nested && isPlainObject(value)) instance[key] = build(nested, value);
    else instance[key] = Array.isArray(value) ? [...(value as unknown[])] : value;
  }
  return instance;
}
