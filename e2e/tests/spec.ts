// An independent implementation of shared/spec/scoring.md §3–5, so the
// end-to-end tests check the app's numbers against the contract rather than
// against the app.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'smol-toml';

export type Option = { text: string; correct: boolean; why: string };
export type Question = {
  id: string; domain: number; task: string; difficulty: string; stem: string; option: Option[];
  checked?: string; revises?: string; excludes?: string[];
  retired?: { on: string; why: string; replaced_by?: string };
};
export type Domain = { number: number; name: string; weight: number };
export type Exam = { id: string; code: string; pass_score: number; raw_cut: number; domain: Domain[] };

const root = path.resolve(__dirname, '..', '..');

export function exam(id: string): Exam {
  const catalog = parse(fs.readFileSync(path.join(root, 'content', 'exams.toml'), 'utf8')) as any;
  return catalog.exam.find((e: Exam) => e.id === id);
}

export function bank(id: string): Question[] {
  const b = parse(fs.readFileSync(path.join(root, 'content', 'banks', `${id}.toml`), 'utf8')) as any;
  return b.question;
}

/** The questions taken out of an exam's bank (content/archive/). */
export function archive(id: string): Question[] {
  const file = path.join(root, 'content', 'archive', `${id}.toml`);
  if (!fs.existsSync(file)) return [];
  return ((parse(fs.readFileSync(file, 'utf8')) as any).question ?? []) as Question[];
}

export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

const WEIGHT: Record<string, number> = { easy: 1.0, medium: 1.25, hard: 1.5 };

export function scaled(p: number, kappa: number, pass: number): number {
  p = Math.min(1, Math.max(0, p));
  const x = p <= kappa ? 100 + (pass - 100) * p / kappa : pass + (1000 - pass) * (p - kappa) / (1 - kappa);
  return Math.min(1000, Math.max(100, Math.floor(x + 0.5 + 1e-9)));
}

export function expected(e: Exam, graded: { q: Question; correct: boolean }[]) {
  const rows = e.domain.map((d) => {
    const mine = graded.filter((g) => g.q.domain === d.number);
    const total = mine.reduce((s, g) => s + WEIGHT[g.q.difficulty], 0);
    const got = mine.filter((g) => g.correct).reduce((s, g) => s + WEIGHT[g.q.difficulty], 0);
    const a = mine.length ? got / total : null;
    return { d, a, shortfall: a === null ? 0 : d.weight * (1 - a) };
  });
  const covered = rows.filter((r) => r.a !== null).reduce((s, r) => s + r.d.weight, 0);
  const p = rows.reduce((s, r) => s + (r.a === null ? 0 : r.d.weight * r.a), 0) / covered;
  const S = scaled(p, e.raw_cut, e.pass_score);
  const n = graded.length, z = 1.2816, z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  const low = scaled(Math.max(0, centre - half), e.raw_cut, e.pass_score);
  const high = scaled(Math.min(1, centre + half), e.raw_cut, e.pass_score);
  const verdict = low >= e.pass_score ? 'Likely to pass' : high < e.pass_score ? 'Not yet' : 'Borderline';
  const missed = rows.filter((r) => r.shortfall > 1e-12);
  missed.sort((a, b) => b.shortfall - a.shortfall || b.d.weight - a.d.weight || a.d.number - b.d.number);
  const stakes = rows.map((r) => scaled(p + r.shortfall / covered, e.raw_cut, e.pass_score) - S);
  return { p, S, low, high, verdict, weakest: missed[0]?.d, stakes };
}
