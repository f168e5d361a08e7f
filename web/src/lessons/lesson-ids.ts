// The built-in lessons, in order (each one is files/<id>.json). The ids are
// fixed: embeddings use them in lesson= URL values and
// <nn-playground lesson="…"> attributes. Pure data, shared by the URL
// schema (state-schema.ts) and the lessons panel.
export const LESSON_IDS = [
  'non-linearity', 'sigmoid-vanishing', 'tanh-zero-centred', 'relu', 'dead-relu', 'leaky-family', 'elu-selu',
  'gelu-swish', 'exploding', 'choosing', 'softmax', 'softmax-overflow', 'digits-cross-entropy', 'interview',
] as const;
export type LessonId = (typeof LESSON_IDS)[number];

export function isLessonId(text: string): text is LessonId {
  return (LESSON_IDS as readonly string[]).includes(text);
}
