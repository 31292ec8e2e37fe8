import { describe, expect, it } from '@jest/globals';
import { extractArticle } from '../../../src/extract/extract-article.js';

/**
 * An explainer whose equations are rendered by MathJax 3: each one is an <mjx-container class="MathJax
 * CtxtMenu_Attached_0"> holding the rendered copy (aria-hidden) and the MathML. Readability 0.6.0 drops every
 * such container as an unlikely candidate ("menu" in the class), so the equations vanished from the body.
 */
const equation = (mathml: string, display = false): string =>
  `<mjx-container class="MathJax CtxtMenu_Attached_0" jax="CHTML"${display ? ' display="true"' : ''} style="font-size: 101.6%">` +
  `<mjx-math class="MJX-TEX" aria-hidden="true"><mjx-mi class="mjx-i"><mjx-c class="mjx-c1D44E"></mjx-c></mjx-mi></mjx-math>` +
  `<mjx-assistive-mml unselectable="on" display="${display ? 'block' : 'inline'}"><math xmlns="http://www.w3.org/1998/Math/MathML"${display ? ' display="block"' : ''}>${mathml}</math></mjx-assistive-mml>` +
  `</mjx-container>`;

const HTML = `<!doctype html><html lang="en"><head><title>Why the quadratic formula still matters | Numbers Desk</title></head>
<body><header class="site-header"><nav><a href="/">Home</a></nav></header>
<article><h1>Why the quadratic formula still matters</h1>
<p>Every schoolchild meets it once and most forget it, yet engineers who design bridges, lenses and orbits lean on
the same few lines of algebra every working day, and the formula turns up in places few people would expect.</p>
<p>For an equation ${equation('<mi>a</mi><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mi>b</mi><mi>x</mi><mo>+</mo><mi>c</mi><mo>=</mo><mn>0</mn>')}
with ${equation('<mi>a</mi><mo>≠</mo><mn>0</mn>')}, the two solutions are given by the discriminant, which tells a
student at a glance whether the parabola crosses the axis twice, touches it once, or misses it altogether.</p>
${equation('<mi>x</mi><mo>=</mo><mfrac><mrow><mo>−</mo><mi>b</mi><mo>±</mo><msqrt><msup><mi>b</mi><mn>2</mn></msup><mo>−</mo><mn>4</mn><mi>a</mi><mi>c</mi></msqrt></mrow><mrow><mn>2</mn><mi>a</mi></mrow></mfrac>', true)}
<p>Babylonian scribes solved such problems on clay tablets four thousand years ago, with recipes rather than
symbols; the compact notation came much later, and teachers still argue about whether it should be memorised or
derived in class from completing the square, a step that shows where the formula comes from.</p>
</article>
<footer class="site-footer"><p>© Numbers Desk</p></footer></body></html>`;

describe('an article with MathJax 3 equations', () => {
  it('keeps every equation in the body text and as MathML in body.html', async () => {
    const article = await extractArticle(HTML, { url: 'https://numbers.example/quadratic' });
    expect(article.body.text).toMatch(/For an equation\s+a\s*x\s*2\s*\+\s*b\s*x\s*\+\s*c\s*=\s*0\s+with\s+a\s*≠\s*0\s*, the two solutions/);
    expect(article.body.text).toMatch(/x\s*=\s*−\s*b\s*±\s*b\s*2\s*−\s*4\s*a\s*c\s*2\s*a/);
    expect(article.body.html.match(/<math\b/g)).toHaveLength(3);
    expect(article.body.html).toContain('<math display="block">');
    expect(article.body.html).toContain('<msqrt><msup><mi>b</mi><mn>2</mn></msup>');
    // The rendered copy and MathJax's own elements are gone.
    expect(article.body.html).not.toMatch(/mjx-|CtxtMenu/);
  });
});
