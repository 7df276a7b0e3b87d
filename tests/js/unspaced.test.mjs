// contrast.js's unspaced: normalized words (a contrast's wordings) written as Chinese is, in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unspaced } from '../../www/js/contrast.js';

test('no space beside a Han or kana character; spaces between other words kept', () => {
  const table = [
    ['新华社北京 11 月', '新华社北京11月'],
    ['构建 人类 命运 共同体', '构建人类命运共同体'],
    ['国 内 大 循 环', '国内大循环'],
    ['true multilateralism', 'true multilateralism'],
    ['g20 峰会 and  apec', 'g20峰会and  apec'],
    ['にほん の ことば', 'にほんのことば'],
    ['', ''],
    [null, ''],
  ];
  for (const [words, want] of table) assert.equal(unspaced(words), want, String(words));
});
