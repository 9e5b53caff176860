import type { StubShapeInfo } from '../../../shared/contract/schemas/projects';

/** Every word of the query must appear in the shape's id, provider, description or marker. */
export function filterShapes(shapes: readonly StubShapeInfo[], query: string): StubShapeInfo[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...shapes];
  return shapes.filter((shape) => {
    const haystack = [shape.id, shape.provider, shape.description, shape.marker].join('\n').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
