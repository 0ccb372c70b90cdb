/* The public site's pages: each page names itself in <body data-page>; everything comes from /public/data on this hub. */
(function () {
  'use strict';
  var CATEGORY = {
    NO_PROBLEM_FOUND: '未发现问题', REQUIRED_INFO_NOT_DISCLOSED: '未按规定公示应当公示的信息',
    DISCLOSED_INFO_FALSIFIED: '公示信息隐瞒真实情况、弄虚作假', UNREACHABLE_AT_REGISTERED_ADDRESS: '通过登记的住所（经营场所）无法联系',
    PROBLEM_FOUND_RECTIFICATION_ORDERED: '发现问题已责令改正', SERIOUS_NON_COOPERATION: '不配合检查情节严重',
    NO_RELEVANT_BUSINESS_ACTIVITY: '未发现开展本次抽查涉及的经营活动', PROBLEM_FOUND_PENDING_FOLLOW_UP: '发现问题待后续处理'
  };
  var site = { state: { busy: 0 }, CATEGORY: CATEGORY };
  window.hubSite = site;

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] !== null && attrs[k] !== undefined) { e.setAttribute(k, attrs[k]); } });
    (children || []).forEach(function (c) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  /* "2026-06-01T10:00:00+08:00" -> "2026-06-01 10:00" (Beijing time, as the hub sends it). */
  function when(t) { return t ? t.substring(0, 16).replace('T', ' ') : ''; }
  function params() { return new URLSearchParams(window.location.search); }

  function get(url) {
    site.state.busy++;
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error((body.errors && body.errors[0] && body.errors[0].message) || ('HTTP ' + r.status)); }
        return body;
      });
    }).finally(function () { site.state.busy--; });
  }
  function showError(e) {
    var box = $('errors');
    box.hidden = false;
    box.textContent = '出错了：' + e.message;
  }
  site.get = get;
  site.el = el;

  /* Fills the department filter, grouped by jurisdiction, and keeps ?department= in it. */
  function departments(select) {
    return get('/public/data/departments').then(function (d) {
      var groups = {};
      d.items.forEach(function (x) {
        if (!groups[x.regionName]) { groups[x.regionName] = el('optgroup', { label: x.regionName }); select.appendChild(groups[x.regionName]); }
        groups[x.regionName].appendChild(el('option', { value: x.id }, [x.name]));
      });
      select.value = params().get('department') || '';
      return d.items;
    });
  }

  function table(target, columns, rows, caption) {
    target.textContent = '';
    if (!rows.length) { target.appendChild(el('p', {}, ['没有符合条件的记录。'])); return; }
    var head = el('tr', {}, columns.map(function (c) { return el('th', { scope: 'col' }, [c[0]]); }));
    var body = el('tbody', {}, rows.map(function (r) {
      return el('tr', {}, columns.map(function (c) { var v = c[1](r); return el('td', {}, [typeof v === 'string' || v instanceof Node ? v : String(v == null ? '' : v)]); }));
    }));
    target.appendChild(el('table', {}, [el('caption', {}, [caption]), el('thead', {}, [head]), body]));
  }

  function pager(target, page, size, total, go) {
    target.textContent = '';
    var pages = Math.max(1, Math.ceil(total / size));
    var prev = el('button', { type: 'button' }, ['上一页']), next = el('button', { type: 'button' }, ['下一页']);
    prev.disabled = page <= 0;
    next.disabled = page + 1 >= pages;
    prev.addEventListener('click', function () { go(page - 1); });
    next.addEventListener('click', function () { go(page + 1); });
    target.appendChild(prev);
    target.appendChild(el('span', { 'aria-live': 'polite' }, [' 共 ' + total + ' 条，第 ' + (page + 1) + ' / ' + pages + ' 页 ']));
    target.appendChild(next);
  }

  /* A department-filtered list page: penalties, notices, checklists, plans. */
  function listPage(list, render) {
    var form = $('filter'), select = $('department'), page = 0;
    function load() {
      var q = new URLSearchParams();
      if (select.value) { q.set('department', select.value); }
      $('csv').href = '/public/data/' + list + '.csv' + (select.value ? '?' + q : '');
      $('feed').hidden = !select.value;
      $('feed').href = '/public/feeds/' + encodeURIComponent(select.value) + '.atom';
      q.set('page', page);
      q.set('size', 20);
      return get('/public/data/' + list + '?' + q).then(function (d) {
        render(d.items);
        pager($('pager'), page, 20, d.total, function (p) { page = p; load().catch(showError); });
      });
    }
    form.addEventListener('submit', function (e) { e.preventDefault(); page = 0; load().catch(showError); });
    departments(select).then(load).catch(showError);
  }

  var pages = {
    home: function () {
      get('/public/data/departments').then(function (d) {
        var target = $('jurisdictions'), groups = {};
        d.items.forEach(function (x) {
          if (!groups[x.regionCode]) {
            groups[x.regionCode] = el('ul', {});
            target.appendChild(el('section', { 'aria-labelledby': 'r-' + x.regionCode }, [el('h3', { id: 'r-' + x.regionCode }, [x.regionName]), groups[x.regionCode]]));
          }
          var q = '?department=' + encodeURIComponent(x.id);
          groups[x.regionCode].appendChild(el('li', {}, [x.name + '：',
            el('a', { href: 'checklists.html' + q }, ['事项清单']), ' · ', el('a', { href: 'plans.html' + q }, ['抽查计划']), ' · ',
            el('a', { href: 'draws.html' + q }, ['随机抽取']), ' · ', el('a', { href: 'results.html' + q }, ['检查结果']), ' · ',
            el('a', { href: 'penalties.html' + q }, ['处罚决定']), ' · ', el('a', { href: 'notices.html' + q }, ['检查通知']), ' · ',
            el('a', { href: '/public/feeds/' + encodeURIComponent(x.id) + '.atom' }, ['订阅（Atom）'])]));
        });
      }).catch(showError);
    },
    results: function () {
      var form = $('search'), page = 0, p = params();
      ['q', 'from', 'to', 'category'].forEach(function (k) { if (p.get(k)) { $(k).value = p.get(k); } });
      Object.keys(CATEGORY).forEach(function (k) { $('category').appendChild(el('option', { value: k }, [CATEGORY[k]])); });
      if (p.get('category')) { $('category').value = p.get('category'); }
      function query() {
        var q = new URLSearchParams();
        [['q', 'q'], ['department', 'department'], ['from', 'from'], ['to', 'to'], ['category', 'category']].forEach(function (k) {
          var v = $(k[0]).value.trim(); if (v) { q.set(k[1], v); }
        });
        return q;
      }
      function load() {
        var q = query();
        $('csv').href = '/public/data/results.csv' + (q.toString() ? '?' + q : '');
        q.set('page', page);
        q.set('size', 20);
        return get('/public/data/results?' + q).then(function (d) {
          $('count').textContent = '找到 ' + d.total + ' 条已公示的检查结果';
          table($('hits'), [['企业名称', function (r) { return r.enterpriseName || ''; }], ['统一社会信用代码', function (r) { return r.uscc; }],
            ['检查部门', function (r) { return r.departmentName; }], ['检查结果', function (r) { return CATEGORY[r.category] || r.category; }],
            ['检查完成', function (r) { return r.endedOn; }], ['公示时间', function (r) { return when(r.publishedAt); }],
            ['状态', function (r) {
              var s = [];
              if (r.correctedAt) { s.push('已更正（' + when(r.correctedAt) + '）'); }
              if (r.publicUntil) { s.push('公示期至 ' + r.publicUntil); }
              if (r.underReview) { s.push('异议审查中'); }
              if (r.jointInspectionId) { s.push('部门联合抽查（' + r.jointInspectionId + '）'); }
              return s.join('；');
            }]], d.items, '检查结果');
          pager($('pager'), page, 20, d.total, function (n) { page = n; load().catch(showError); });
        });
      }
      form.addEventListener('submit', function (e) { e.preventDefault(); page = 0; load().catch(showError); });
      departments($('department')).then(load).catch(showError);
    },
    penalties: function () {
      listPage('penalties', function (items) {
        table($('list'), [['决定书文号', function (r) { return r.decisionNumber; }], ['企业名称', function (r) { return r.enterpriseName || ''; }],
          ['统一社会信用代码', function (r) { return r.uscc; }], ['作出部门', function (r) { return r.departmentName; }],
          ['决定日期', function (r) { return r.decidedOn; }], ['处罚内容', function (r) { return r.content; }],
          ['公示时间', function (r) { return when(r.publishedAt); }]], items, '行政处罚决定');
      });
    },
    notices: function () {
      listPage('notices', function (items) {
        table($('list'), [['企业名称', function (r) { return r.enterpriseName || r.uscc; }], ['检查部门', function (r) { return r.departmentName; }],
          ['发出时间', function (r) { return when(r.issuedAt); }], ['检查时间', function (r) { return when(r.visitAt); }],
          ['依据', function (r) { return r.basis.join('；'); }], ['检查内容', function (r) { return r.content.join('；'); }],
          ['需准备的材料', function (r) { return r.materials.join('；'); }]], items, '检查通知');
      });
    },
    checklists: function () {
      listPage('checklists', function (items) {
        var target = $('list');
        target.textContent = '';
        if (!items.length) { target.appendChild(el('p', {}, ['没有已公布的事项清单。'])); }
        items.forEach(function (c) {
          var rows = c.items.map(function (i) { return el('tr', {}, [el('td', {}, [i.code]), el('td', {}, [i.title]), el('td', {}, [i.legalBasis || '']), el('td', {}, [i.content || ''])]); });
          target.appendChild(el('article', {}, [
            el('h3', {}, [c.title + '（第 ' + c.edition + ' 版）']),
            el('p', {}, [c.departmentName + ' · 公布于 ' + when(c.publishedAt) + (c.supersedesId ? ' · 替代 ' + c.supersedesId : ' · 首版')]),
            el('table', {}, [el('caption', {}, [c.title + ' 的抽查事项']), el('thead', {}, [el('tr', {}, ['编号', '事项', '法律依据', '检查内容'].map(function (h) { return el('th', { scope: 'col' }, [h]); }))]), el('tbody', {}, rows)])]));
        });
      });
    },
    plans: function () {
      listPage('plans', function (items) {
        var target = $('list');
        target.textContent = '';
        if (!items.length) { target.appendChild(el('p', {}, ['没有已公布的抽查计划。'])); }
        items.forEach(function (p) {
          target.appendChild(el('article', {}, [el('h3', {}, [p.year + ' 年 ' + p.title]),
            el('p', {}, [p.departmentName + ' · 公布于 ' + when(p.publishedAt) + (p.revision ? ' · 已调整 ' + p.revision + ' 次' : '')]),
            el('ul', {}, p.tasks.map(function (t) {
              return el('li', {}, [t.title + '（' + (t.windowStart || '') + ' 至 ' + (t.windowEnd || '') + '）：' + t.items.join('、')]);
            }))]));
        });
      });
    },
    draws: function () {
      listPage('draws', function (items) {
        table($('list'), [['抽查任务', function (r) { return r.taskTitle || r.taskId; }], ['部门', function (r) { return r.departmentName; }],
          ['批次', function (r) { return r.batchNo; }], ['承诺时间', function (r) { return when(r.committedAt); }],
          ['执行时间', function (r) { return r.executedAt ? when(r.executedAt) : '尚未执行'; }], ['候选数', function (r) { return r.poolSize; }],
          ['', function (r) { return el('a', { href: 'draws.html?draw=' + encodeURIComponent(r.id) + '#draw' }, ['查看与验证 ' + r.id]); }]], items, '随机抽取');
      });
      var id = params().get('draw');
      if (id) { window.hubDraw.show(id); }
    }
  };

  site.showError = showError;
  site.when = when;
  document.addEventListener('DOMContentLoaded', function () { pages[document.body.getAttribute('data-page')](); });
}());
