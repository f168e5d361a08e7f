// The lessons panel's own strings (the lesson texts are in lessons/texts-*.ts).
import type { Lang } from '../lang';

export const LESSON_UI = {
  lessons: { en: 'Lessons', zh: '课程' },
  progress: { en: '{done} of {total} done', zh: '已完成 {done} / {total}' },
  openLessons: { en: 'Open the lessons', zh: '打开课程' },
  closeLessons: { en: 'Close the lessons', zh: '收起课程' },
  allLessons: { en: 'All lessons', zh: '全部课程' },
  lessonOf: { en: 'Lesson {n} of {total}', zh: '第 {n} 课，共 {total} 课' },
  pick: { en: 'Pick a lesson to begin. Each one sets up the playground, gives you a task, and checks it live.', zh: '选择一课开始。每一课都会布置好实验环境，给你一个任务，并实时检查。' },
  tryThis: { en: 'Try this', zh: '动手试试' },
  check: { en: 'Check', zh: '检查' },
  loadPreset: { en: 'Load the preset again', zh: '重新载入预设' },
  prev: { en: 'Previous', zh: '上一课' },
  next: { en: 'Next', zh: '下一课' },
  resetProgress: { en: 'Reset progress', zh: '重置进度' },
  progressCleared: { en: 'Progress cleared.', zh: '进度已清除。' },
  stageDone: { en: 'done', zh: '已完成' },
  stageNow: { en: 'now', zh: '进行中' },
  stageLater: { en: 'later', zh: '待完成' },
  stageOf: { en: 'Stage {n} of {total}', zh: '第 {n} 步，共 {total} 步' },
  checkDone: { en: 'Done — the check passed.', zh: '完成——检查已通过。' },
  checkIdle: { en: 'Waiting for the studio: press Train.', zh: '等待训练工作室：请点“训练”。' },
  completed: { en: 'Completed', zh: '已完成' },
  doneMark: { en: 'done', zh: '已完成' },
  quizCheck: { en: 'Check the answer', zh: '核对答案' },
  quizCorrect: { en: 'Correct.', zh: '答对了。' },
  quizWrong: { en: 'Not quite.', zh: '不太对。' },
  quizDemo: { en: 'Open the live demo', zh: '打开实时演示' },
  quizAnswer: { en: 'Your answer', zh: '你的答案' },
  quizChoose: { en: 'Choose an answer first.', zh: '请先选择一个答案。' },
  quizNumber: { en: 'Type a number first.', zh: '请先输入一个数。' },
  question: { en: 'Question {n}', zh: '第 {n} 题' },
} as const satisfies Record<string, Readonly<Record<Lang, string>>>;

export type LessonUiKey = keyof typeof LESSON_UI;

export function lt(lang: Lang, key: LessonUiKey, vars: Readonly<Record<string, string>> = {}): string {
  return LESSON_UI[key][lang].replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);
}
