import { registerEnumType } from 'type-graphql';

// Apart from the object types, so that the service can use it without loading their decorators.
export enum CareerMapNodeKind {
  ENTRY = 'ENTRY',
  STEP = 'STEP',
  TOP = 'TOP',
  STANDALONE = 'STANDALONE',
}

registerEnumType(CareerMapNodeKind, {
  name: 'CareerMapNodeKind',
  description: 'Where a role stands on the ladder, from the transitions around it.',
  valuesConfig: {
    ENTRY: { description: 'Transitions lead out of it but none into it: where careers on the map start.' },
    STEP: { description: 'Transitions lead both into and out of it.' },
    TOP: { description: 'Transitions lead into it but none out of it: the top of its ladder.' },
    STANDALONE: { description: 'No transition touches it.' },
  },
});

/** A role's kind, from how many transitions lead into it and out of it. */
export function kindOf(transitionsIn: number, transitionsOut: number): CareerMapNodeKind {
  if (transitionsIn === 0) return transitionsOut === 0 ? CareerMapNodeKind.STANDALONE : CareerMapNodeKind.ENTRY;
  return transitionsOut === 0 ? CareerMapNodeKind.TOP : CareerMapNodeKind.STEP;
}
