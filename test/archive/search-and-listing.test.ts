/**
 * Search and listing (issue 20, item 17): CJK words of one, two or more characters are found, in Chinese,
 * Japanese and Korean; `embeds:youtube` finds pages embedding YouTube; `list --site host:port`; `diff A B` of two
 * different pages says so; an archive indexed by the previous index version is rebuilt on open and searchable.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openArchive } from '../../src/archive/index.js';
import { runCli } from '../helpers/run-cli.js';
import { tempRoot, withArchive } from '../helpers/archive.js';
import { makeSave } from '../helpers/save-factory.js';

let temp: ReturnType<typeof tempRoot>;
const ids: Record<string, string> = {};

const PAGES = {
  chinese: {
    url: 'https://news.example.cn/tech/quantum',
    title: '研究人员发布新的量子计算机',
    body: '量子力学是物理学的一个分支。研究人员周二在北京发布了新的量子计算机，性能提高了十倍。',
  },
  japanese: {
    url: 'https://news.example.jp/science/computer',
    title: '東京で新型コンピューターを公開',
    body: '東京都の研究所は火曜日、新しいコンピューターを公開した。開発には五年かかったという。',
  },
  korean: {
    url: 'https://news.example.kr/society/seoul',
    title: '서울시, 새 예산안 발표',
    body: '서울시는 내년 예산안을 발표했다. 시장은 교통 예산을 크게 늘리겠다고 말했다.',
  },
  english: {
    url: 'https://news.example.com/council/budget',
    title: 'Council passes the budget',
    body: 'The council passed the budget after a long debate about buses.',
  },
} as const;

/** Stories with an embed, found by the embed's text (ids youtube and twitter). */
const EMBED_PAGES = {
  youtube: {
    url: 'http://127.0.0.1:8765/video-story',
    title: 'Harbour video story',
    body: 'A story with a video of the harbour.',
    embeds: [{ provider: 'youtube', kind: 'video', url: 'https://www.youtube.com/watch?v=abc', id: 'abc', title: 'Harbour at dawn', position: 1 } as never],
  },
  twitter: {
    url: 'http://127.0.0.1:9999/post-story',
    title: 'Harbour post story',
    body: 'A story with a post about the harbour.',
    embeds: [{ provider: 'twitter', kind: 'post', url: 'https://twitter.com/x/status/1', id: '1', author: 'Port', text: 'Ships in', position: 1 } as never],
  },
};

const searchIds = (query: string): Promise<string[]> => withArchive(temp.root, async (archive) => (await archive.search(query)).map((hit) => hit.id));

beforeAll(async () => {
  temp = tempRoot();
  const archive = await openArchive(temp.root);
  for (const [name, page] of Object.entries({ ...PAGES, ...EMBED_PAGES })) ids[name] = (await archive.save(makeSave(page))).id;
  archive.close();
});
afterAll(() => temp.remove());

describe('CJK full-text search', () => {
  it.each([
    ['Chinese, two characters', '量子', 'chinese'],
    ['Chinese, a place name mid-sentence', '北京', 'chinese'],
    ['Chinese, four characters', '量子力学', 'chinese'],
    ['Chinese, one character', '倍', 'chinese'],
    ['Japanese, kanji', '東京', 'japanese'],
    ['Japanese, katakana word with ー', 'コンピューター', 'japanese'],
    ['Japanese, kana and kanji mixed', '公開した', 'japanese'],
    ['Korean, a word with its particle attached in the text', '서울', 'korean'],
    ['Korean, two syllables', '예산', 'korean'],
    ['a column filter', 'title:量子', 'chinese'],
    ['a prefix', '研究人*', 'chinese'],
  ])('%s: %s', async (_name, query, page) => {
    expect(await searchIds(query)).toEqual([ids[page]]);
  });

  it('does not match characters that are not side by side, and English search is unchanged', async () => {
    expect(await searchIds('量计')).toEqual([]);
    expect(await searchIds('budget')).toEqual([ids.english]);
    expect(await searchIds('"passed the budget"')).toEqual([ids.english]);
  });

  it('prints CJK snippets as written (no separators), the match marked', async () => {
    const result = await runCli(['search', '北京', '--json', '--archive-dir', temp.root]);
    expect(result.code).toBe(0);
    const hit = JSON.parse(result.stdout.trim()) as { snippet: string };
    expect(hit.snippet).toContain('在**北京**发布了');
    expect(hit.snippet).not.toContain('\u200B');
  });

  it('an archive indexed by the previous index version is rebuilt on open, then CJK search works', async () => {
    const db = new Database(join(temp.root, 'index.sqlite'));
    db.exec("DELETE FROM snapshots_fts; UPDATE info SET value = '1' WHERE key = 'version';");
    db.close();
    const archive = await openArchive(temp.root, { create: false });
    try {
      expect(archive.notices.join('\n')).toMatch(/index rebuilt from the files \(6 snapshots\)/);
      expect((await archive.search('東京')).map((hit) => hit.id)).toEqual([ids.japanese]);
    } finally {
      archive.close();
    }
  });
});

describe('embed providers are searchable', () => {
  it("embeds:youtube finds the page embedding a YouTube video, not the one embedding a post", async () => {
    expect(await searchIds('embeds:youtube')).toEqual([ids.youtube]);
    expect(await searchIds('embeds:twitter')).toEqual([ids.twitter]);
  });
});

describe('list --site', () => {
  const listIds = async (site: string): Promise<string[]> => {
    const result = await runCli(['list', '--json', '--site', site, '--archive-dir', temp.root]);
    expect(result.code).toBe(0);
    return result.stdout.split('\n').filter((line) => line !== '').map((line) => (JSON.parse(line) as { id: string }).id);
  };

  it('accepts host:port (and a URL), and the port tells two servers on one host apart', async () => {
    expect(await listIds('127.0.0.1:8765')).toEqual([ids.youtube]);
    expect(await listIds('127.0.0.1:9999')).toEqual([ids.twitter]);
    expect(await listIds('http://127.0.0.1:8765/')).toEqual([ids.youtube]);
    expect((await listIds('127.0.0.1')).sort()).toEqual([ids.youtube, ids.twitter].sort());
    expect(await listIds('news.example.com:443')).toEqual([ids.english]);
    expect(await listIds('example.kr')).toEqual([ids.korean]);
  });

  it('a --site that is no host is a usage error', async () => {
    const result = await runCli(['list', '--site', 'not a host', '--archive-dir', temp.root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^chronicle: E_USAGE: --site expects a host or host:port/);
  });
});

describe('diff A B', () => {
  it('of two different pages says so (stderr, the report, samePage in JSON)', async () => {
    const text = await runCli(['diff', ids.english!, ids.korean!, '--archive-dir', temp.root]);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('are snapshots of different pages');
    expect(text.stdout).toContain('note: these are snapshots of two different pages');
    expect(text.stdout).toContain(PAGES.korean.url);
    const json = await runCli(['diff', ids.english!, ids.korean!, '--json', '--archive-dir', temp.root]);
    expect((JSON.parse(json.stdout) as { samePage: boolean }).samePage).toBe(false);
  });

  it('of two versions of one page says nothing of the kind', async () => {
    const archive = await openArchive(temp.root);
    const second = await archive.save(makeSave({ ...PAGES.english, body: 'The council passed the budget after a short debate.' }));
    archive.close();
    const json = await runCli(['diff', ids.english!, second.id, '--json', '--archive-dir', temp.root]);
    expect(json.stderr).toBe('');
    expect((JSON.parse(json.stdout) as { samePage: boolean }).samePage).toBe(true);
  });
});
