/**
 * jsdom 29 require()s ESM-only packages; the jest runtime on Node 20 cannot require ESM. Files of those packages
 * are compiled to CommonJS when jest loads them through require(), and left as ESM when it loads them through
 * import (cheerio imports some of the same packages).
 */
module.exports = (api) => {
  const loadedAsEsm = api.caller((caller) => Boolean(caller && caller.supportsStaticESM));
  return {
    babelrc: false,
    plugins: loadedAsEsm
      ? []
      : ['@babel/plugin-transform-export-namespace-from', '@babel/plugin-transform-modules-commonjs'],
  };
};
