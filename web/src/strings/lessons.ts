// The lessons panel's own strings (the lesson texts are in lessons/files/*.json).
import type { Lang } from '../app/lang';

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
  quizStage: { en: 'All questions answered correctly.', zh: '所有题目都已答对。' },
  announceStage: { en: 'Stage {n} of {total} passed.', zh: '第 {n} 步（共 {total} 步）已通过。' },
  announceDone: { en: 'All {total} stages passed: lesson complete.', zh: '全部 {total} 步都已通过：本课完成。' },
  fileLesson: { en: 'Lesson from a file', zh: '来自文件的课程' },
  openFile: { en: 'Open a lesson file…', zh: '打开课程文件…' },
  fileProblems: { en: 'The lesson file {name} was not opened ({count} problems):', zh: '课程文件 {name} 未能打开（{count} 处问题）：' },
  fileProblem: { en: 'line {line}, {field}: {problem}', zh: '第 {line} 行，{field}：{problem}' },
  authorPageTitle: { en: 'nnplay — write a lesson', zh: 'nnplay — 编写课程' },
  authorTitle: { en: 'Write a lesson', zh: '编写一节课' },
  authorIntro: {
    en: 'Edit the lesson file on the left: it is checked as you type and opens live on the right, with its preset and its checks. Do the task there to see the checks pass, then download the file.',
    zh: '在左侧编辑课程文件：输入时即时检查，并在右侧实时打开，包括预设和检查。在右侧完成任务即可看到检查通过，然后下载文件。',
  },
  authorLabel: { en: 'Lesson file (JSON)', zh: '课程文件（JSON）' },
  authorLive: { en: 'Live, as a student sees it', zh: '实时预览（学生看到的样子）' },
  authorStart: { en: 'Start from', zh: '从这个开始' },
  authorLoad: { en: 'Load', zh: '载入' },
  authorDownload: { en: 'Download', zh: '下载' },
  authorValid: { en: 'Valid: lesson “{id}”, {n} stage(s). It is open on the right.', zh: '有效：课程“{id}”，共 {n} 步。已在右侧打开。' },
  authorComplete: { en: 'Checks passed: the page sent lesson-complete for “{id}”.', zh: '检查已通过：页面发出了“{id}”的 lesson-complete。' },
  fileUnreadable: { en: 'The lesson file {name} could not be read: {reason}', zh: '无法读取课程文件 {name}：{reason}' },
} as const satisfies Record<string, Readonly<Record<Lang, string>>>;

export type LessonUiKey = keyof typeof LESSON_UI;

export function lt(lang: Lang, key: LessonUiKey, vars: Readonly<Record<string, string>> = {}): string {
  return LESSON_UI[key][lang].replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);
}
