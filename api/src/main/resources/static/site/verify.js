/*
 * vdraw-1 verifier (verifiable-draw-v1.md), in the browser with WebCrypto only. It recomputes a draw from its public
 * verification document and answers {ok, checks: [{name, ok, detail}]}. For a draw whose strata are confidential
 * (Amendment 1: opaque labels S1.., no per-enterprise stratum) it checks what the public can: the commitment, the seed
 * from the published poolDigest, that sizes and selected counts add up, that every selected enterprise is in the pool,
 * and the rank of each selected one. For an unstratified draw it recomputes the pool digest and the whole selection.
 */
(function () {
  'use strict';
  var enc = new TextEncoder();
  var subtle = window.crypto && window.crypto.subtle;

  function hex(buf) {
    var b = new Uint8Array(buf), s = '';
    for (var i = 0; i < b.length; i++) { s += (b[i] < 16 ? '0' : '') + b[i].toString(16); }
    return s;
  }
  function unhex(h) {
    if (typeof h !== 'string' || !/^([0-9a-f]{2})*$/.test(h)) { throw new Error('不是十六进制：' + h); }
    var b = new Uint8Array(h.length / 2);
    for (var i = 0; i < b.length; i++) { b[i] = parseInt(h.substr(i * 2, 2), 16); }
    return b;
  }
  function sha256(bytes) { return subtle.digest('SHA-256', bytes).then(hex); }
  function hmacKey(keyBytes) {
    return subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  }
  function hmac(key, message) { return subtle.sign('HMAC', key, enc.encode(message)).then(hex); }
  /* Byte-wise ascending UTF-8 order, as the spec sorts USCCs (ASCII here, so code units compare alike). */
  function byteOrder(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  function check(list, name, ok, detail) { list.push({ name: name, ok: !!ok, detail: detail || '' }); return ok; }

  async function verify(doc) {
    var checks = [];
    if (!subtle) { throw new Error('此浏览器不支持 WebCrypto，无法在页面中验证'); }
    if (doc.algorithm !== 'vdraw-1') { check(checks, '算法', false, '文档的算法是 ' + doc.algorithm + '，本验证器只支持 vdraw-1'); return done(checks); }
    if (!doc.secret) { check(checks, '执行', false, '尚未执行：只有承诺，密钥公布后才能验证'); return done(checks); }
    var secret = unhex(doc.secret);
    check(checks, '承诺', await sha256(secret) === doc.commitment, 'SHA256(secret) 应等于承诺值 ' + doc.commitment);

    var pool = doc.pool || [], strata = doc.strata || [], selected = doc.selected || [];
    var confidential = (doc.stratumDigests !== undefined && doc.stratumDigests !== null) || (pool.length > 0 && pool[0].stratum === undefined);
    if (!confidential) {
      var lines = pool.map(function (c) { return c.uscc + ',' + c.stratum + '\n'; });
      var sorted = pool.slice().sort(function (a, b) { return byteOrder(a.uscc, b.uscc); });
      var digest = await sha256(enc.encode(sorted.map(function (c) { return c.uscc + ',' + c.stratum + '\n'; }).join('')));
      check(checks, '候选池摘要', digest === doc.poolDigest && lines.length === pool.length, '由候选池重新计算的摘要 ' + digest);
    }
    var seed = await hmac(await hmacKey(secret), 'vdraw-1|' + doc.taskId + '|' + doc.poolDigest + '|' + (doc.entropy || ''));
    check(checks, '种子', seed === doc.seed, '由密钥与公布的候选池摘要推导出的种子 ' + seed);

    var sizes = strata.reduce(function (n, s) { return n + s.size; }, 0);
    var counts = strata.reduce(function (n, s) { return n + s.selectedCount; }, 0);
    check(checks, '分层规模合计', sizes === pool.length, '各层规模合计 ' + sizes + '，候选池 ' + pool.length + ' 家');
    check(checks, '抽中数量', counts === selected.length, '各层抽中数合计 ' + counts + '，名单 ' + selected.length + ' 家');

    var seedKey = await hmacKey(unhex(doc.seed));
    var rank = {};
    await Promise.all(pool.map(function (c) { return hmac(seedKey, 'target|' + c.uscc).then(function (r) { rank[c.uscc] = r; }); }));
    var missing = selected.filter(function (s) { return rank[s.uscc] === undefined; }).map(function (s) { return s.uscc; });
    check(checks, '抽中企业在候选池中', missing.length === 0, missing.length ? '不在候选池：' + missing.join('、') : '全部在候选池中');
    var seen = {};
    var dup = selected.filter(function (s) { var d = seen[s.uscc]; seen[s.uscc] = true; return d; });
    check(checks, '无重复', dup.length === 0, dup.length ? '重复：' + dup.map(function (s) { return s.uscc; }).join('、') : '');

    if (!confidential) {
      // Steps 9-10 within each stratum: the first k_s by rank (ties by USCC) are selected, in that order.
      var ok = true, where = '';
      strata.forEach(function (s) {
        var members = pool.filter(function (c) { return c.stratum === s.label; }).sort(function (a, b) {
          return byteOrder(rank[a.uscc], rank[b.uscc]) || byteOrder(a.uscc, b.uscc);
        });
        var expected = members.slice(0, s.selectedCount);
        var got = selected.filter(function (x) { return x.stratum === s.label; }).sort(function (a, b) { return a.order - b.order; });
        if (members.length !== s.size) { ok = false; where = where || ('层 ' + s.label + ' 的规模应为 ' + members.length); }
        for (var i = 0; i < Math.max(expected.length, got.length); i++) {
          var e = expected[i], g = got[i];
          if (!e || !g || e.uscc !== g.uscc || g.order !== i + 1) {
            ok = false;
            where = where || ('层 ' + s.label + ' 第 ' + (i + 1) + ' 位：应为 ' + (e ? e.uscc : '（无）') + '，文档为 ' + (g ? g.uscc : '（无）'));
            break;
          }
        }
        // Step 12: replacements take the reserve in order, skipping those already used.
        var reserve = members.slice(s.selectedCount).map(function (c) { return c.uscc; });
        (doc.replacements || []).filter(function (r) { return r.stratum === s.label; }).forEach(function (r, i) {
          if (reserve[i] !== r.replacement) { ok = false; where = where || ('层 ' + s.label + ' 的第 ' + (i + 1) + ' 个增补应为 ' + reserve[i]); }
        });
      });
      check(checks, '抽取结果', ok, ok ? '按排序值重新抽取，结果一致' : where);
    }
    return done(checks, selected.map(function (s) { return { uscc: s.uscc, order: s.order, rank: rank[s.uscc] }; }), confidential);
  }

  function done(checks, ranks, confidential) {
    return { ok: checks.every(function (c) { return c.ok; }), checks: checks, ranks: ranks || [], confidential: !!confidential };
  }

  window.vdraw1 = { verify: verify };
}());
