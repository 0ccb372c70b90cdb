/* One draw on draws.html: its commitment, its selection, the document to download, and the in-page verifier (verify.js). */
(function () {
  'use strict';
  var site = window.hubSite, el = site.el;
  var current = null;

  function $(id) { return document.getElementById(id); }
  function dl(pairs) {
    return el('dl', {}, pairs.reduce(function (a, p) { a.push(el('dt', {}, [p[0]])); a.push(el('dd', {}, [p[1] == null ? '' : String(p[1])])); return a; }, []));
  }

  function render(doc) {
    var box = $('draw-detail');
    box.textContent = '';
    var executed = !!doc.secret;
    box.appendChild(dl([['抽取编号', doc.drawId], ['任务', doc.taskId], ['算法', doc.algorithm], ['承诺时间', site.when(doc.committedAt)],
      ['承诺值', doc.commitment], ['候选池摘要', doc.poolDigest], ['候选数', (doc.pool || []).length],
      ['执行时间', executed ? site.when(doc.executedAt) : '尚未执行（已公布承诺，执行后公布密钥与名单）'],
      ['公开随机数', executed ? (doc.entropy || '（无）') : ''], ['密钥', doc.secret || ''], ['种子', doc.seed || '']]));
    var strataRows = (doc.strata || []).map(function (s) {
      return el('tr', {}, [el('td', {}, [s.label]), el('td', {}, [String(s.size)]), el('td', {}, [s.ratio || '不公开']), el('td', {}, [String(s.selectedCount)])]);
    });
    box.appendChild(el('table', {}, [el('caption', {}, ['分层']), el('thead', {}, [el('tr', {}, ['层', '规模', '比例', '抽中'].map(function (h) { return el('th', { scope: 'col' }, [h]); }))]), el('tbody', {}, strataRows)]));
    if (doc.stratumDigests) {
      box.appendChild(el('p', {}, ['此次抽取按不公开的属性分层：层名已替换为 S1、S2……，每家企业所在的层不公开；各层成员的摘要（stratumDigests）已随承诺公布。']));
    }
    if (executed) {
      var sel = (doc.selected || []).slice(0, 200).map(function (s) { return el('li', {}, [s.uscc + (s.stratum ? '（' + s.stratum + '）' : '')]); });
      box.appendChild(el('h3', {}, ['抽中企业（' + (doc.selected || []).length + ' 家' + ((doc.selected || []).length > 200 ? '，此处列前 200 家，完整名单见验证文档' : '') + '）']));
      box.appendChild(el('ol', { id: 'selected' }, sel));
    }
    $('download').href = '/public/draws/' + encodeURIComponent(doc.drawId);
    $('download').setAttribute('download', doc.drawId + '.json');
    $('verify').disabled = !executed;
  }

  function report(result, source) {
    var status = $('verify-status'), list = $('verify-checks');
    list.textContent = '';
    result.checks.forEach(function (c) {
      list.appendChild(el('li', { 'class': c.ok ? 'ok' : 'bad' }, [(c.ok ? '✓ ' : '✗ ') + c.name + (c.detail ? '：' + c.detail : '')]));
    });
    var ranks = $('verify-ranks');
    ranks.textContent = '';
    if (result.ok && result.confidential && result.ranks.length) {
      // Amendment 1: the ranks of the selected, so an enterprise told its stratum can compare its own rank with theirs.
      ranks.appendChild(el('summary', {}, ['抽中企业的排序值（HMAC(seed, "target|" + USCC)，小者在前）']));
      ranks.appendChild(el('ol', {}, result.ranks.slice().sort(function (a, b) { return a.rank < b.rank ? -1 : 1; })
        .map(function (r) { return el('li', {}, [r.uscc + '：' + r.rank]); })));
    }
    ranks.hidden = !ranks.firstChild;
    var bad = result.checks.filter(function (c) { return !c.ok; });
    status.className = result.ok ? 'ok' : 'bad';
    status.textContent = result.ok
      ? '验证通过（' + source + '）' + (result.confidential ? '：已核对承诺、种子、规模与抽中数、抽中企业的排序值；分层成员不公开，无法在此核对' : '：已重新计算整个抽取')
      : '验证未通过（' + source + '）：' + bad.map(function (c) { return c.name + ' — ' + c.detail; }).join('；');
  }

  function run(doc, source) {
    $('verify-status').className = '';
    $('verify-status').textContent = '正在验证……';
    site.state.busy++;
    return window.vdraw1.verify(doc).then(function (r) { report(r, source); }, function (e) {
      report({ ok: false, checks: [{ name: '文档', ok: false, detail: e.message }] }, source);
    }).finally(function () { site.state.busy--; });
  }

  function show(id) {
    $('draw').hidden = false;
    return site.get('/public/draws/' + encodeURIComponent(id)).then(function (doc) { current = doc; render(doc); }).catch(site.showError);
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('verify').addEventListener('click', function () { if (current) { run(current, '本站公布的文档'); } });
    $('file').addEventListener('change', function () {
      var f = $('file').files[0];
      if (!f) { return; }
      f.text().then(function (t) { return run(JSON.parse(t), '本地文件 ' + f.name); }).catch(function (e) {
        report({ ok: false, checks: [{ name: '文档', ok: false, detail: '无法读取：' + e.message }] }, '本地文件');
      });
    });
  });

  window.hubDraw = { show: show };
}());
