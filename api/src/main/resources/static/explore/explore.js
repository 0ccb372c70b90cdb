/*
 * The analyst's picture (/explore): sign in, search a subject, draw its neighbourhood (subjectGraph), expand nodes
 * (subjectNeighbours), find paths (paths), read beneficial owners (beneficialOwners), the common controllers of several
 * subjects (commonControllers) and the restricted subjects around one (restrictionExposure), at a chosen date, and export.
 * Plain script over the vendored Cytoscape.js; every query is a POST to /graphql with the user's bearer token and
 * follows schema/src/main/resources/graphql/explore.graphqls. window.hubExplore exposes the state for the browser test.
 */
(function () {
  'use strict';

  var TOKEN_KEY = 'hubExplore.token';
  var $ = function (id) { return document.getElementById(id); };

  var LINK = { LEGAL_REPRESENTATIVE: '法定代表人', OFFICER: '高管', SHAREHOLDER: '股东', BRANCH: '分支机构' };
  var ROLE = { DIRECTOR: '董事', MANAGER: '经理', SUPERVISOR: '监事' };
  var KIND = { ENTERPRISE: '企业', PERSON: '自然人' };
  var STATUS = { ACTIVE: '存续', SUSPENDED: '停业', REVOKED: '吊销', DEREGISTERED: '注销' };
  var ROLES = { PUBLIC: '公众', OFFICER: '业务人员', INSPECTOR: '执法人员', LEADER: '领导', OVERSIGHT: '法制监督',
    PARTNER: '合作部门', ANALYST: '分析人员', ADMIN: '管理员' };
  var TRIGGER = { ABNORMAL_OPERATION_LIST: '经营异常名录', SERIOUS_VIOLATION_LIST: '严重违法失信名单',
    MAJOR_TAX_VIOLATION_LIST: '重大税收违法失信主体', DISHONEST_JUDGMENT_DEBTOR_LIST: '失信被执行人',
    ADMINISTRATIVE_PENALTY: '行政处罚', MAJOR_ADMINISTRATIVE_PENALTY: '重大行政处罚' };
  var SOURCE = { HUB: '本平台', MARKET_SUPERVISION: '市场监管', TAX: '税务', CREDIT_PLATFORM: '信用平台' };
  var BASIS = { LARGEST_EFFECTIVE_SHARE: '有效持股最大且达到门槛', LEGAL_REPRESENTATIVE: '无人达到门槛，取法定代表人',
    UNKNOWN: '无法认定（无人达到门槛，且无法定代表人记录）' };

  var FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';

  var NODE = 'fragment N on GraphNode { kind id name status hops restricted degree'
    + ' triggers { id kind type uscc issuingDepartment legalBasis listedAt expectedEnd source } omitted { type count } }';
  // Ownership chains may be many (owners × chains): their nodes are asked lightly to stay inside the cost budget.
  var LIGHT = 'fragment L on GraphNode { kind id name status hops restricted }';
  var EDGE = 'fragment E on GraphEdge { id type from to role sharePct validFrom validTo }';

  var Q_ME = 'query Me { me { actor authenticated roles department { name } } }';
  var Q_GRAPH = 'query Graph($s: SubjectInput!, $hops: Int, $asOf: Date) {'
    + ' subjectGraph(subject: $s, hops: $hops, asOf: $asOf, limit: 200, perNode: 25) {'
    + ' asOf hops truncated subject { ...N } nodes { ...N } edges { ...E } } } ' + NODE + ' ' + EDGE;
  var Q_NEIGHBOURS = 'query Neighbours($s: SubjectInput!, $asOf: Date, $after: String) {'
    + ' subjectNeighbours(subject: $s, asOf: $asOf, first: 25, after: $after) {'
    + ' totalCount pageInfo { hasNextPage endCursor } edges { node { edge { ...E } node { ...N } } } } } ' + NODE + ' ' + EDGE;
  var Q_PATHS = 'query Paths($from: SubjectInput!, $to: SubjectInput!, $max: Int, $asOf: Date) {'
    + ' paths(from: $from, to: $to, maxHops: $max, asOf: $asOf, first: 10) {'
    + ' asOf shortestLength truncated from { ...N } to { ...N } paths { length nodes { ...N } edges { ...E } } } } ' + NODE + ' ' + EDGE;
  var Q_OWNERS = 'query Owners($uscc: ID!, $asOf: Date, $t: Float) {'
    + ' beneficialOwners(uscc: $uscc, asOf: $asOf, threshold: $t) { asOf threshold untracedShare enterprise { ...L }'
    + ' owners { effectiveShare person { ...L } chains { share path { length nodes { ...L } edges { ...E } } } }'
    + ' actualController { basis effectiveShare person { ...L } } } } ' + LIGHT + ' ' + EDGE;
  var Q_COMMON = 'query Common($s: [SubjectInput!]!, $asOf: Date, $t: Float) {'
    + ' commonControllers(subjects: $s, asOf: $asOf, threshold: $t) { controller { ...L }'
    + ' controls { via effectiveShare subject { ...L } path { length nodes { ...L } edges { ...E } } } } } ' + LIGHT + ' ' + EDGE;
  var Q_EXPOSURE = 'query Exposure($s: SubjectInput!, $hops: Int, $asOf: Date) {'
    + ' restrictionExposure(subject: $s, hops: $hops, asOf: $asOf) { asOf hops truncated subject { ...L }'
    + ' exposed { node { ...N } path { length nodes { ...L } edges { ...E } } } } } ' + NODE + ' ' + LIGHT + ' ' + EDGE;
  var Q_SEARCH = 'query Search($q: String!) { enterprises(filter: {nameContains: $q}, orderBy: NAME, first: 20) {'
    + ' totalCount edges { node { uscc name status region { name } } } } }';
  var Q_ONE = 'query One($uscc: ID!) { enterprise(uscc: $uscc) { uscc name status region { name } } }';
  var Q_PERSON = 'query Person($id: ID!) { person(personId: $id) { personId name } }';
  // A joint inspection (PLAN-15) comes once, as its lead's, with every participating department and each part's items.
  var Q_INSPECTIONS = 'query Inspections($uscc: ID!) { subjectInspections(uscc: $uscc) {'
    + ' id status plannedOn itemCodes joint jointDepartments { id name } jointParts { itemCodes } } }';
  var INSPECTION_STATUS = { ACTIVE: '有效', REPLACED: '已替换', DEFERRED: '由下级检查' };

  var state = {
    token: null, viewer: null, root: null, selected: null, busy: 0,
    expansion: {},   // node id -> { after, hasNext, total, loaded }
    pathQuery: null, paths: [], ownersUscc: null, owners: null, lastError: null,
    common: { subjects: [], asked: null, result: null },   // subjects: { id, kind, name }
    exposureOf: null, exposure: null,
    inspections: null   // { uscc, visits } of the selected enterprise
  };
  var cy = null;

  // ---- GraphQL ------------------------------------------------------------------------------------------------

  function GraphQlError(errors) { this.errors = errors; this.message = errors.map(function (e) { return e.message; }).join('; '); }

  function gql(query, variables) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/graphql-response+json, application/json' };
    if (state.token) { headers.Authorization = 'Bearer ' + state.token; }
    busy(1);
    return fetch('/graphql', { method: 'POST', headers: headers, body: JSON.stringify({ query: query, variables: variables || {} }) })
      .then(function (r) {
        return r.text().then(function (text) {
          var body;
          try { body = JSON.parse(text); } catch (e) {
            throw new GraphQlError([{ message: 'HTTP ' + r.status + '：' + (text || r.statusText).slice(0, 200) }]);
          }
          if (body.errors && body.errors.length) { throw new GraphQlError(body.errors); }
          if (!r.ok) { throw new GraphQlError([{ message: 'HTTP ' + r.status }]); }
          return body.data;
        });
      })
      .finally(function () { busy(-1); });
  }

  function busy(d) {
    state.busy += d;
    document.body.setAttribute('aria-busy', state.busy > 0 ? 'true' : 'false');
  }

  function clearErrors() { state.lastError = null; $('errors').hidden = true; $('errors').textContent = ''; }

  /** Shows each error's message with its code, field, rule and path, as the hub types them. */
  function showError(err) {
    var errors = err && err.errors ? err.errors : [{ message: String(err && err.message || err) }];
    state.lastError = errors;
    var box = $('errors');
    box.textContent = '';
    var title = document.createElement('strong');
    title.textContent = '请求出错';
    var ul = document.createElement('ul');
    errors.forEach(function (e) {
      var li = document.createElement('li');
      li.appendChild(document.createTextNode(e.message || '(无说明)'));
      var x = e.extensions || {};
      [['代码', x.code], ['字段', x.field], ['规则', x.rule], ['路径', e.path && e.path.join('.')]].forEach(function (p) {
        if (p[1]) {
          li.appendChild(document.createTextNode(' · ' + p[0] + ' '));
          var c = document.createElement('code');
          c.textContent = Array.isArray(p[1]) ? p[1].join('.') : p[1];
          li.appendChild(c);
        }
      });
      ul.appendChild(li);
    });
    box.appendChild(title);
    box.appendChild(ul);
    box.hidden = false;
    if (errors.some(function (e) { return e.extensions && e.extensions.code === 'UNAUTHENTICATED'; }) && state.token) {
      setWho('令牌无效或已过期，请重新登录');
    }
  }

  function run(promise) { clearErrors(); return promise.catch(showError); }

  // ---- Signing in -------------------------------------------------------------------------------------------------

  function setWho(text) { $('who').textContent = text; }

  function signedIn(token) {
    state.token = token;
    sessionStorage.setItem(TOKEN_KEY, token);
    return gql(Q_ME).then(function (d) {
      if (!d.me.authenticated) { throw new GraphQlError([{ message: '令牌未被接受' }]); }
      state.viewer = d.me;
      var roles = d.me.roles.filter(function (r) { return r !== 'PUBLIC'; }).map(function (r) { return ROLES[r] || r; }).join('、');
      setWho('已登录：' + d.me.actor + '（' + roles + (d.me.department ? '，' + d.me.department.name : '') + '）');
      $('signout').hidden = false;
      // Signed in: the sign-in forms give way to who and 退出, so the bar keeps to one line.
      $('demo-signin').hidden = true;
      $('token-signin').hidden = true;
    }).catch(function (e) {
      // A refused token (expired, another issuer's) is dropped, so later questions are not sent with it.
      state.token = null;
      sessionStorage.removeItem(TOKEN_KEY);
      setWho('令牌无效或已过期，请重新登录');
      throw e;
    });
  }

  function signOut() {
    state.token = null; state.viewer = null;
    sessionStorage.removeItem(TOKEN_KEY);
    setWho('未登录');
    $('signout').hidden = true;
    $(state.demo ? 'demo-signin' : 'token-signin').hidden = false;
  }

  function initAuth() {
    // The demo issuer answers only when the hub runs the demo; otherwise a token from the identity provider is pasted.
    fetch('/demo-issuer/users').then(function (r) { return r.ok ? r.json() : null; }).catch(function () { return null; })
      .then(function (users) {
        if (users && Object.keys(users).length) {
          var sel = $('demo-user');
          Object.keys(users).forEach(function (id) {
            var o = document.createElement('option');
            o.value = id;
            o.textContent = id + '（' + users[id].roles.map(function (r) { return ROLES[r] || r; }).join('、') + '）';
            if (users[id].roles.indexOf('ANALYST') >= 0 && !sel.value) { o.selected = true; }
            sel.appendChild(o);
          });
          if (!sel.querySelector('option[selected]')) {
            var analyst = Array.prototype.find.call(sel.options, function (o) { return /ANALYST|分析/.test(o.textContent); });
            if (analyst) { sel.value = analyst.value; }
          }
          state.demo = true;
          $('demo-signin').hidden = !!state.viewer;
        } else {
          $('token-signin').hidden = !!state.viewer;
        }
      });
    var saved = sessionStorage.getItem(TOKEN_KEY);
    if (saved) { run(signedIn(saved)); }
    $('demo-signin').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var body = new URLSearchParams({ grant_type: 'client_credentials', client_id: $('demo-user').value, client_secret: 'demo' });
      run(fetch('/demo-issuer/token', { method: 'POST', body: body }).then(function (r) {
        return r.json().then(function (t) {
          if (!r.ok) { throw new GraphQlError([{ message: t.error_description || t.error || ('HTTP ' + r.status), extensions: { code: t.error } }]); }
          return signedIn(t.access_token);
        });
      }));
    });
    $('token-signin').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var t = $('token-input').value.trim().replace(/^Bearer\s+/i, '');
      $('token-input').value = '';
      if (t) { run(signedIn(t)); }
    });
    $('signout').addEventListener('click', signOut);
  }

  // ---- The graph --------------------------------------------------------------------------------------------------

  function asOf() { return $('asof').value || undefined; }

  /** A node id as the SDL's SubjectInput: persons' ids are pseudonyms P + 16 base32 characters, enterprises' USCCs. */
  function subjectOf(id) {
    var node = cy && cy.getElementById(id);
    var kind = node && node.nonempty() ? node.data('kind') : (/^P[A-Z2-7]{16}$/.test(id) ? 'PERSON' : 'ENTERPRISE');
    return kind === 'PERSON' ? { personId: id } : { uscc: id };
  }

  function short(s, n) { return s && s.length > n ? s.slice(0, n - 1) + '…' : s; }

  function edgeLabel(e) {
    if (e.type === 'SHAREHOLDER') { return '持股' + (e.sharePct != null ? ' ' + fmtNum(e.sharePct) + '%' : ''); }
    if (e.type === 'OFFICER') { return ROLE[e.role] || '高管'; }
    return LINK[e.type] || e.type;
  }

  function fmtNum(x) { return (Math.round(x * 100) / 100).toString(); }
  function pct(x) { return x == null ? '—' : fmtNum(x * 100) + '%'; }

  /** Adds or updates nodes and edges; a lightly asked node never overwrites what a full answer gave. */
  function merge(nodes, edges, full) {
    var added = 0;
    cy.batch(function () {
      (nodes || []).forEach(function (n) {
        var el = cy.getElementById(n.id);
        var data = { id: n.id, kind: n.kind, name: n.name, label: short(n.name || n.id, 14), status: n.status,
          restricted: !!n.restricted };
        if (full) {
          data.triggers = n.triggers || []; data.degree = n.degree; data.omitted = n.omitted || []; data.full = true;
        }
        if (el.empty()) {
          if (!full) { data.triggers = []; data.omitted = []; data.full = false; }
          cy.add({ group: 'nodes', data: data });
          added++;
        } else if (full || !el.data('full')) {
          el.data(data);
        }
      });
      (edges || []).forEach(function (e) {
        if (cy.getElementById(e.id).nonempty()) { return; }
        if (cy.getElementById(e.from).empty() || cy.getElementById(e.to).empty()) { return; }
        cy.add({ group: 'edges', data: { id: e.id, source: e.from, target: e.to, type: e.type, role: e.role,
          sharePct: e.sharePct, validFrom: e.validFrom, validTo: e.validTo, label: edgeLabel(e) } });
      });
    });
    return added;
  }

  /**
   * Force-directed (cose). New nodes start beside a drawn neighbour and the rest keep their places, so an expansion or a
   * path grows the picture instead of reshuffling it; "level" is the distance from the subject asked about.
   */
  function layout() {
    var root = state.root && cy.getElementById(state.root.id);
    var level = {};
    var max = 0;
    if (root && root.nonempty()) {
      cy.elements().bfs({ roots: root, directed: false, visit: function (v, e, u, i, depth) {
        level[v.id()] = depth; max = Math.max(max, depth);
      } });
    }
    cy.nodes().forEach(function (n) { n.data('level', level[n.id()] != null ? level[n.id()] : max + 1); });
    cy.nodes().removeClass('root');
    if (root && root.nonempty()) { root.addClass('root'); }
    var fresh = cy.nodes().filter(function (n) { return !n.scratch('placed'); });
    var first = fresh.length === cy.nodes().length;
    fresh.forEach(function (n, i) {
      var anchor = n.neighborhood('node').filter(function (m) { return m.scratch('placed'); })[0];
      var p = anchor ? anchor.position() : { x: 0, y: 0 };
      n.position({ x: p.x + 60 * Math.cos(i), y: p.y + 60 * Math.sin(i) });
    });
    fresh.forEach(function (n) { n.scratch('placed', true); });
    cy.layout({ name: 'cose', animate: false, randomize: first, fit: true, padding: 40, nodeDimensionsIncludeLabels: true,
      idealEdgeLength: function () { return 80; }, nodeRepulsion: function () { return 12000; }, componentSpacing: 80 }).run();
    // A few nodes would be fitted huge: keep labels at reading size.
    if (cy.zoom() > 1.3) { cy.zoom(1.3); cy.center(); }
    refreshNodePick();
    $('graph-status').textContent = cy.nodes().length + ' 个节点，' + cy.edges().length + ' 条关系';
  }

  function loadGraph(subject) {
    state.expansion = {};
    return gql(Q_GRAPH, { s: subject.kind === 'PERSON' ? { personId: subject.id } : { uscc: subject.id },
      hops: Number($('hops').value), asOf: asOf() })
      .then(function (d) {
        var g = d.subjectGraph;
        state.root = { id: g.subject.id, kind: g.subject.kind, name: g.subject.name };
        state.asOfShown = g.asOf;
        cy.elements().remove();
        merge([g.subject].concat(g.nodes), g.edges, true);
        layout();
        select(g.subject.id);
        $('graph-status').textContent += '（' + g.asOf + (g.truncated ? '，有省略，双击节点展开' : '') + '）';
      });
  }

  function expand(id) {
    var st = state.expansion[id] || (state.expansion[id] = { after: null, hasNext: true, total: null, loaded: 0 });
    if (!st.hasNext) { $('graph-status').textContent = '该节点的关系已全部载入'; return Promise.resolve(); }
    return gql(Q_NEIGHBOURS, { s: subjectOf(id), asOf: asOf(), after: st.after || undefined }).then(function (d) {
      var c = d.subjectNeighbours;
      var ns = c.edges.map(function (x) { return x.node.node; });
      var es = c.edges.map(function (x) { return x.node.edge; });
      // The page's nodes carry hops from the expanded node: keep those already drawn as they are.
      var fresh = ns.filter(function (n) { return cy.getElementById(n.id).empty(); });
      var added = merge(fresh, es, true);
      st.after = c.pageInfo.endCursor; st.hasNext = c.pageInfo.hasNextPage; st.total = c.totalCount; st.loaded += c.edges.length;
      layout();
      select(id);
      $('graph-status').textContent += '；展开新增 ' + added + ' 个节点';
    });
  }

  function select(id) {
    var n = cy.getElementById(id);
    if (n.empty()) { return; }
    cy.elements().unselect();
    n.select();
    state.selected = id;
    $('node-pick').value = id;
    showDetails(n);
    $('inspections').textContent = '';
    state.inspections = null;
    if (n.data('kind') === 'ENTERPRISE') { run(loadInspections(id)); }
  }

  // ---- Inspections of the selected enterprise -------------------------------------------------------------------

  function loadInspections(uscc) {
    return gql(Q_INSPECTIONS, { uscc: uscc }).then(function (d) {
      if (state.selected !== uscc) { return; }   // another node was selected meanwhile
      state.inspections = { uscc: uscc, visits: d.subjectInspections };
      renderInspections(d.subjectInspections);
    });
  }

  function renderInspections(visits) {
    var box = $('inspections');
    box.textContent = '';
    var h = document.createElement('h3');
    h.textContent = '抽查检查（' + visits.length + ' 次）';
    box.appendChild(h);
    if (!visits.length) { return; }
    var list = document.createElement('ol');
    list.id = 'inspection-list';
    list.className = 'visits';
    visits.forEach(function (v) {
      var li = document.createElement('li');
      li.dataset.inspection = v.id;
      var head = document.createElement('strong');
      head.textContent = v.joint ? '联合检查' : '检查';
      li.appendChild(head);
      li.appendChild(document.createTextNode(' · ' + (v.plannedOn || '日期未定') + ' · ' + (INSPECTION_STATUS[v.status] || v.status)));
      var deps = document.createElement('div');
      deps.className = 'visit-departments';
      deps.textContent = (v.joint ? '参与部门：' : '检查部门：') + v.jointDepartments.map(function (x) { return x.name || x.id; }).join('、');
      li.appendChild(deps);
      var codes = v.itemCodes.slice();
      v.jointParts.forEach(function (p) { p.itemCodes.forEach(function (c) { if (codes.indexOf(c) < 0) { codes.push(c); } }); });
      var items = document.createElement('div');
      items.className = 'muted';
      items.textContent = '事项 ' + codes.join('、') + ' · ' + v.id;
      li.appendChild(items);
      list.appendChild(li);
    });
    box.appendChild(list);
  }

  function refreshNodePick() {
    var sel = $('node-pick');
    sel.length = 1;
    cy.nodes().sort(function (a, b) { return a.data('level') - b.data('level') || String(a.data('name')).localeCompare(String(b.data('name')), 'zh-CN'); })
      .forEach(function (n) {
        var o = document.createElement('option');
        o.value = n.id();
        o.textContent = (n.data('restricted') ? '⚠ ' : '') + (n.data('name') || n.id()) + '（' + KIND[n.data('kind')] + '）';
        sel.appendChild(o);
      });
    if (state.selected) { sel.value = state.selected; }
  }

  function showDetails(n) {
    var d = n.data();
    $('details-empty').hidden = true;
    $('details-body').hidden = false;
    var dl = $('details-list');
    dl.textContent = '';
    var rows = [['名称', d.name || '（无）'], ['类型', KIND[d.kind]], [d.kind === 'PERSON' ? '人员编号' : '信用代码', d.id]];
    if (d.kind === 'ENTERPRISE') { rows.push(['状态', STATUS[d.status] || d.status || '—']); }
    rows.push(['距中心', (n.data('level') != null ? n.data('level') : '—') + ' 层']);
    if (d.degree != null) { rows.push(['关系数', d.degree + '（图中 ' + n.connectedEdges().length + '）']); }
    rows.push(['受限', d.restricted ? '是' : '否']);
    rows.forEach(function (r) {
      var dt = document.createElement('dt'); dt.textContent = r[0];
      var dd = document.createElement('dd'); dd.textContent = r[1];
      if (r[0] === '受限' && d.restricted) { dd.className = 'restricted-flag'; }
      dl.appendChild(dt); dl.appendChild(dd);
    });
    var st = state.expansion[d.id];
    var om = (d.omitted || []).filter(function (o) { return o.count > 0; })
      .map(function (o) { return (LINK[o.type] || o.type) + ' ' + o.count; });
    var text = om.length ? '首次查询未显示：' + om.join(' · ') + '。' : '';
    if (st) { text += '已分页载入 ' + st.loaded + ' / ' + st.total + ' 条关系' + (st.hasNext ? '。' : '（全部）。'); }
    $('omitted').textContent = text;
    $('expand').textContent = st && st.hasNext ? '展开更多' : '展开';
    $('expand').disabled = !!(st && !st.hasNext);
    $('owners-btn').disabled = d.kind !== 'ENTERPRISE';
    var tr = $('triggers');
    tr.textContent = '';
    (d.triggers || []).forEach(function (t) { tr.appendChild(triggerBox(t)); });
  }

  function triggerBox(t) {
    var div = document.createElement('div');
    div.className = 'trigger';
    var b = document.createElement('strong');
    b.textContent = TRIGGER[t.type] || t.type;
    div.appendChild(b);
    [t.issuingDepartment, t.legalBasis, '列入 ' + String(t.listedAt).slice(0, 10) + (t.expectedEnd ? '，预计至 ' + String(t.expectedEnd).slice(0, 10) : ''),
      '来源 ' + (SOURCE[t.source] || t.source) + ' · ' + t.id].forEach(function (line) {
      if (line) { div.appendChild(document.createElement('br')); div.appendChild(document.createTextNode(line)); }
    });
    return div;
  }

  function tooltip(ev) {
    var n = ev.target;
    var tip = $('tooltip');
    tip.textContent = '';
    var b = document.createElement('strong');
    b.textContent = (n.data('name') || n.id()) + '（' + KIND[n.data('kind')] + '）';
    tip.appendChild(b);
    if (n.data('restricted')) {
      var p = document.createElement('div');
      p.className = 'restricted-flag';
      p.textContent = '受限：' + ((n.data('triggers') || []).map(function (t) { return TRIGGER[t.type] || t.type; }).join('、') || '见详情');
      tip.appendChild(p);
    }
    var pos = n.renderedPosition();
    tip.style.left = Math.round(pos.x + 14) + 'px';
    tip.style.top = Math.round(pos.y + $('graph').offsetTop + 10) + 'px';
    tip.hidden = false;
  }

  // ---- Paths ------------------------------------------------------------------------------------------------------

  function findPaths() {
    var from = $('path-from').value.trim(), to = $('path-to').value.trim();
    state.pathQuery = { from: from, to: to, max: Number($('path-max').value) };
    return gql(Q_PATHS, { from: subjectOf(from), to: subjectOf(to), max: state.pathQuery.max, asOf: asOf() }).then(function (d) {
      var p = d.paths;
      // Only connections are drawn: two unconnected subjects add nothing to the picture.
      p.paths.forEach(function (x) { merge(x.nodes, x.edges, true); });
      state.paths = p.paths;
      if (!state.root) { state.root = { id: p.from.id, kind: p.from.kind, name: p.from.name }; }
      layout();
      var list = $('path-list');
      list.textContent = '';
      p.paths.forEach(function (x, i) {
        var li = document.createElement('li');
        var btn = document.createElement('button');
        btn.type = 'button';
        btn.textContent = '路径 ' + (i + 1) + '：' + x.nodes.map(function (n) { return short(n.name || n.id, 8); }).join(' → ');
        btn.addEventListener('click', function () { highlight([x], btn); });
        li.appendChild(btn);
        list.appendChild(li);
      });
      $('path-status').textContent = p.shortestLength == null
        ? p.from.name + ' 与 ' + p.to.name + ' 在 ' + state.pathQuery.max + ' 跳内没有关联'
        : '最短 ' + p.shortestLength + ' 跳，共 ' + p.paths.length + ' 条' + (p.truncated ? '（还有更多）' : '') + '，已在图中高亮';
      highlight(p.paths, null);
    });
  }

  /** Marks the paths' nodes and edges (class "path"), replacing any earlier highlight. */
  function highlight(paths, pressed) {
    cy.elements().removeClass('path');
    paths.forEach(function (x) {
      x.nodes.forEach(function (n) { cy.getElementById(n.id).addClass('path'); });
      x.edges.forEach(function (e) { cy.getElementById(e.id).addClass('path'); });
    });
    Array.prototype.forEach.call(document.querySelectorAll('#path-list button, #owners-body .chain button, #common-list button,'
      + ' #exposure-body button.path-btn'), function (b) {
      b.setAttribute('aria-pressed', b === pressed ? 'true' : 'false');
    });
  }

  // ---- Beneficial owners ------------------------------------------------------------------------------------------

  function loadOwners(uscc) {
    var t = Number($('threshold').value) / 100;
    state.ownersUscc = uscc;
    return gql(Q_OWNERS, { uscc: uscc, asOf: asOf(), t: t > 0 ? t : undefined }).then(function (d) {
      var o = d.beneficialOwners;
      state.owners = o;
      renderOwners(o);
    });
  }

  function renderOwners(o) {
    var body = $('owners-body');
    body.textContent = '';
    var h = document.createElement('p');
    h.className = 'muted';
    h.textContent = (o.enterprise.name || o.enterprise.id) + ' · ' + o.asOf + ' · 门槛 ' + pct(o.threshold);
    body.appendChild(h);

    var c = o.actualController;
    var box = document.createElement('div');
    box.className = 'controller';
    box.id = 'actual-controller';
    var strong = document.createElement('strong');
    strong.textContent = '实际控制人：' + (c.person ? (c.person.name || c.person.id) : '无法认定');
    box.appendChild(strong);
    box.appendChild(document.createElement('br'));
    box.appendChild(document.createTextNode('依据：' + (BASIS[c.basis] || c.basis)
      + (c.effectiveShare != null ? '；有效持股 ' + pct(c.effectiveShare) : '')));
    body.appendChild(box);

    if (!o.owners.length) {
      var none = document.createElement('p');
      none.textContent = '没有自然人达到门槛。';
      body.appendChild(none);
    } else {
      var table = document.createElement('table');
      table.id = 'owners-table';
      var cap = document.createElement('caption');
      cap.className = 'visually-hidden';
      cap.textContent = '受益所有人';
      table.appendChild(cap);
      var thead = table.createTHead().insertRow();
      ['受益所有人', '有效持股', '持股链（各链持股之积）'].forEach(function (x) {
        var th = document.createElement('th'); th.scope = 'col'; th.textContent = x; thead.appendChild(th);
      });
      var tb = table.createTBody();
      o.owners.forEach(function (w) {
        var tr = tb.insertRow();
        var name = tr.insertCell();
        var nb = document.createElement('button');
        nb.type = 'button';
        nb.textContent = w.person.name || w.person.id;
        nb.addEventListener('click', function () { showChains(w.chains, null); select(w.person.id); });
        name.appendChild(nb);
        var share = tr.insertCell();
        share.className = 'num share';
        share.textContent = pct(w.effectiveShare);
        var chains = tr.insertCell();
        w.chains.forEach(function (ch, i) {
          var span = document.createElement('span');
          span.className = 'chain';
          var b = document.createElement('button');
          b.type = 'button';
          b.textContent = '链 ' + (i + 1);
          b.title = '在图中显示此链';
          b.addEventListener('click', function () { showChains([ch], b); });
          span.appendChild(b);
          span.appendChild(document.createTextNode(' ' + pct(ch.share) + '：'
            + ch.path.nodes.map(function (n) { return short(n.name || n.id, 6); }).join(' → ')));
          chains.appendChild(span);
        });
      });
      body.appendChild(table);
    }
    var un = document.createElement('p');
    un.className = 'muted';
    un.textContent = '未穿透到自然人的持股：' + pct(o.untracedShare);
    body.appendChild(un);
  }

  function showChains(chains, pressed) {
    chains.forEach(function (ch) { merge(ch.path.nodes, ch.path.edges, false); });
    layout();
    highlight(chains.map(function (ch) { return ch.path; }), pressed);
  }

  // ---- Common controllers -----------------------------------------------------------------------------------------

  /** Adds a subject to the common-controller list: a drawn node keeps its kind and name, a typed id its kind by its form. */
  function addCommon(id) {
    id = (id || '').trim();
    if (!id) { return; }
    if (/^[0-9A-Z]{18}$/i.test(id)) { id = id.toUpperCase(); }
    if (state.common.subjects.some(function (x) { return x.id === id; })) { return; }
    var node = cy.getElementById(id);
    var kind = node.nonempty() ? node.data('kind') : subjectOf(id).personId ? 'PERSON' : 'ENTERPRISE';
    state.common.subjects.push({ id: id, kind: kind, name: node.nonempty() ? node.data('name') : null });
    renderCommonSubjects();
  }

  function renderCommonSubjects() {
    var ul = $('common-subjects');
    ul.textContent = '';
    state.common.subjects.forEach(function (x, i) {
      var li = document.createElement('li');
      li.appendChild(document.createTextNode(x.name ? short(x.name, 10) : x.id));
      li.title = x.id;
      var rm = document.createElement('button');
      rm.type = 'button';
      rm.textContent = '×';
      rm.setAttribute('aria-label', '移除 ' + (x.name || x.id));
      rm.addEventListener('click', function () { state.common.subjects.splice(i, 1); renderCommonSubjects(); $('common-add').focus(); });
      li.appendChild(rm);
      ul.appendChild(li);
    });
  }

  function findCommon() {
    var subjects = state.common.subjects.slice();
    state.common.asked = subjects;
    if (subjects.length < 2) {
      $('common-status').textContent = '请至少选 2 个主体';
      return Promise.resolve();
    }
    var t = Number($('threshold').value) / 100;
    return gql(Q_COMMON, { s: subjects.map(function (x) { return x.kind === 'PERSON' ? { personId: x.id } : { uscc: x.id }; }),
      asOf: asOf(), t: t > 0 ? t : undefined }).then(function (d) {
      var cs = d.commonControllers;
      state.common.result = cs;
      var all = [];
      cs.forEach(function (c) { c.controls.forEach(function (x) { merge(x.path.nodes, x.path.edges, false); all.push(x.path); }); });
      if (!state.root && cs.length) { state.root = { id: cs[0].controller.id, kind: cs[0].controller.kind, name: cs[0].controller.name }; }
      layout();
      // Typed codes get their names once drawn.
      state.common.subjects.forEach(function (x) {
        var n = cy.getElementById(x.id);
        if (!x.name && n.nonempty()) { x.name = n.data('name'); }
      });
      renderCommonSubjects();
      var list = $('common-list');
      list.textContent = '';
      cs.forEach(function (c) {
        var li = document.createElement('li');
        var btn = document.createElement('button');
        btn.type = 'button';
        btn.textContent = (c.controller.name || c.controller.id) + '（' + KIND[c.controller.kind] + '）：控制 ' + c.controls.length + ' 个主体';
        btn.title = '在图中显示其控制路径';
        btn.addEventListener('click', function () { highlight(c.controls.map(function (x) { return x.path; }), btn); select(c.controller.id); });
        li.appendChild(btn);
        var ul = document.createElement('ul');
        ul.className = 'controls';
        c.controls.forEach(function (x) {
          var item = document.createElement('li');
          item.textContent = (x.subject.name || x.subject.id) + ' · '
            + (x.via === 'SHAREHOLDER' ? '有效持股 ' + pct(x.effectiveShare) : LINK[x.via] || x.via) + '（' + x.path.length + ' 跳）';
          ul.appendChild(item);
        });
        li.appendChild(ul);
        list.appendChild(li);
      });
      $('common-status').textContent = cs.length
        ? '共 ' + cs.length + ' 个共同控制人，控制路径已在图中高亮'
        : '这些主体没有共同的控制人（法定代表人或达到门槛的持股）';
      highlight(all, null);
      list.scrollIntoView({ block: 'nearest' });
    });
  }

  // ---- Restriction exposure ---------------------------------------------------------------------------------------

  function loadExposure(id) {
    state.exposureOf = id;
    return gql(Q_EXPOSURE, { s: subjectOf(id), hops: Number($('exposure-hops').value), asOf: asOf() }).then(function (d) {
      var x = d.restrictionExposure;
      state.exposure = x;
      x.exposed.forEach(function (e) { merge(e.path.nodes, e.path.edges, false); merge([e.node], [], true); });
      layout();
      renderExposure(x);
      highlight(x.exposed.map(function (e) { return e.path; }), null);
    });
  }

  function renderExposure(x) {
    var body = $('exposure-body');
    body.textContent = '';
    var h = document.createElement('p');
    h.className = 'muted';
    h.id = 'exposure-status';
    h.textContent = (x.subject.name || x.subject.id) + ' · ' + x.asOf + ' · ' + x.hops + ' 层内' + (x.exposed.length
      ? '受限主体 ' + x.exposed.length + ' 个' + (x.truncated ? '（已截断）' : '') + '，路径已在图中高亮' : '没有受限主体');
    body.appendChild(h);
    if (!x.exposed.length) { return; }
    // A list, not a table: the right column is narrow, and names and paths need the whole width.
    var list = document.createElement('ol');
    list.id = 'exposure-list';
    list.className = 'exposed';
    list.setAttribute('aria-label', '周边受限主体');
    x.exposed.forEach(function (e) {
      var li = document.createElement('li');
      var nb = document.createElement('button');
      nb.type = 'button';
      nb.textContent = e.node.name || e.node.id;
      nb.title = '选中此主体';
      nb.addEventListener('click', function () { select(e.node.id); });
      li.appendChild(nb);
      li.appendChild(document.createTextNode(' · ' + (e.node.hops === 0 ? '本身受限' : e.node.hops + ' 跳')));
      var why = document.createElement('div');
      why.className = 'exposed-triggers';
      why.textContent = e.node.triggers.map(function (t) {
        return (TRIGGER[t.type] || t.type) + (t.issuingDepartment ? '（' + t.issuingDepartment + '）' : '');
      }).join('；');
      li.appendChild(why);
      if (e.path.length) {
        var pb = document.createElement('button');
        pb.type = 'button';
        pb.className = 'path-btn';
        pb.textContent = '路径：' + e.path.nodes.map(function (n) { return short(n.name || n.id, 10); }).join(' → ');
        pb.title = '在图中单独显示此路径';
        pb.addEventListener('click', function () { highlight([e.path], pb); });
        li.appendChild(pb);
      }
      list.appendChild(li);
    });
    body.appendChild(list);
    list.scrollIntoView({ block: 'nearest' });
  }

  // ---- Export -----------------------------------------------------------------------------------------------------

  function csvCell(v) {
    var s = v == null ? '' : String(v);
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  /** The drawn view as CSV: "nodes" or "edges". */
  function csv(which) {
    var rows;
    if (which === 'nodes') {
      rows = [['id', 'kind', 'name', 'status', 'level', 'restricted', 'degree', 'triggers']];
      cy.nodes().forEach(function (n) {
        var d = n.data();
        rows.push([d.id, d.kind, d.name, d.status, d.level, d.restricted, d.degree,
          (d.triggers || []).map(function (t) { return t.type + ':' + t.id; }).join(';')]);
      });
    } else {
      rows = [['id', 'type', 'from', 'to', 'role', 'sharePct', 'validFrom', 'validTo', 'onPath']];
      cy.edges().forEach(function (e) {
        var d = e.data();
        rows.push([d.id, d.type, d.source, d.target, d.role, d.sharePct, d.validFrom, d.validTo, e.hasClass('path')]);
      });
    }
    return rows.map(function (r) { return r.map(csvCell).join(','); }).join('\r\n') + '\r\n';
  }

  function download(blob, name) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }

  function fileStem() { return 'explore-' + (state.root ? state.root.id : 'view') + '-' + (asOf() || state.asOfShown || 'today'); }

  // ---- Wiring -----------------------------------------------------------------------------------------------------

  function search(q) {
    var list = $('results');
    list.textContent = '';
    var p;
    if (/^[0-9A-Z]{18}$/i.test(q)) {
      p = gql(Q_ONE, { uscc: q.toUpperCase() }).then(function (d) { return d.enterprise ? [d.enterprise] : []; });
    } else if (/^P[A-Z2-7]{16}$/.test(q)) {
      p = gql(Q_PERSON, { id: q }).then(function (d) { return d.person ? [{ person: d.person }] : []; });
    } else {
      p = gql(Q_SEARCH, { q: q }).then(function (d) {
        $('search-status').textContent = '共 ' + d.enterprises.totalCount + ' 家' + (d.enterprises.totalCount > 20 ? '，显示前 20 家' : '');
        return d.enterprises.edges.map(function (e) { return e.node; });
      });
    }
    return p.then(function (items) {
      if (!items.length) { $('search-status').textContent = '没有找到'; }
      else if (items.length === 1 && !$('search-status').textContent) { $('search-status').textContent = '找到 1 个'; }
      items.forEach(function (it) {
        var li = document.createElement('li');
        var b = document.createElement('button');
        b.type = 'button';
        var subject = it.person ? { id: it.person.personId, kind: 'PERSON' } : { id: it.uscc, kind: 'ENTERPRISE' };
        // An enterprise known by its USCC alone (registered: false) has no name, region or status to show.
        b.textContent = it.person ? (it.person.name || it.person.personId) : (it.name || it.uscc);
        var small = document.createElement('small');
        small.textContent = it.person ? it.person.personId : it.uscc + ' · '
          + (it.status ? (it.region ? it.region.name + ' · ' : '') + (STATUS[it.status] || it.status) : '未在登记机关数据中');
        b.appendChild(small);
        b.addEventListener('click', function () { run(loadGraph(subject)); });
        li.appendChild(b);
        list.appendChild(li);
      });
    });
  }

  function refreshAll() {
    var jobs = [];
    if (state.root) { jobs.push(loadGraph(state.root)); }
    return Promise.all(jobs).then(function () {
      var more = [];
      if (state.pathQuery) { more.push(findPaths()); }
      if (state.ownersUscc) { more.push(loadOwners(state.ownersUscc)); }
      if (state.common.asked && state.common.asked.length >= 2) { more.push(findCommon()); }
      if (state.exposureOf) { more.push(loadExposure(state.exposureOf)); }
      return Promise.all(more);
    });
  }

  function init() {
    cy = cytoscape({
      container: $('graph'),
      boxSelectionEnabled: false,
      style: [
        { selector: 'node', style: { 'label': 'data(label)', 'font-size': 10, 'font-family': FONT, 'text-valign': 'bottom', 'text-margin-y': 3,
          'width': 22, 'height': 22, 'color': '#1f2328', 'text-background-color': '#ffffff', 'text-background-opacity': 0.7,
          'text-background-padding': 1 } },
        { selector: 'node[kind = "ENTERPRISE"]', style: { 'shape': 'round-rectangle', 'background-color': '#2f6fb3' } },
        { selector: 'node[kind = "PERSON"]', style: { 'shape': 'ellipse', 'background-color': '#2e8b57' } },
        { selector: 'node[?restricted]', style: { 'border-width': 4, 'border-color': '#c62828' } },
        { selector: 'node.root', style: { 'width': 34, 'height': 34, 'font-size': 12, 'font-weight': 'bold' } },
        { selector: 'node:selected', style: { 'overlay-color': '#0969da', 'overlay-opacity': 0.25, 'overlay-padding': 5 } },
        { selector: 'edge', style: { 'width': 1.5, 'line-color': '#9aa5b1', 'target-arrow-color': '#9aa5b1',
          'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'label': 'data(label)', 'font-size': 8,
          'color': '#57606a', 'text-rotation': 'autorotate', 'font-family': FONT, 'text-background-color': '#ffffff', 'text-background-opacity': 0.8 } },
        { selector: 'edge[type = "SHAREHOLDER"]', style: { 'line-color': '#6c8ebf', 'target-arrow-color': '#6c8ebf' } },
        { selector: 'edge[type = "BRANCH"]', style: { 'line-style': 'dashed' } },
        { selector: 'edge.path', style: { 'width': 4, 'line-color': '#f08c00', 'target-arrow-color': '#f08c00', 'z-index': 10 } },
        { selector: 'node.path', style: { 'underlay-color': '#f08c00', 'underlay-opacity': 0.45, 'underlay-padding': 6 } }
      ]
    });
    cy.on('tap', 'node', function (ev) { select(ev.target.id()); });
    cy.on('dbltap', 'node', function (ev) { run(expand(ev.target.id())); });
    cy.on('mouseover', 'node', tooltip);
    cy.on('mouseout', 'node', function () { $('tooltip').hidden = true; });
    cy.on('pan zoom', function () { $('tooltip').hidden = true; });

    initAuth();
    $('search-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      $('search-status').textContent = '';
      run(search($('search-q').value.trim()));
    });
    $('node-pick').addEventListener('change', function () { if (this.value) { select(this.value); cy.center(cy.getElementById(this.value)); } });
    $('expand').addEventListener('click', function () { if (state.selected) { run(expand(state.selected)); } });
    $('recentre').addEventListener('click', function () {
      if (state.selected) { var n = cy.getElementById(state.selected); run(loadGraph({ id: n.id(), kind: n.data('kind') })); }
    });
    $('owners-btn').addEventListener('click', function () { if (state.selected) { run(loadOwners(state.selected)); } });
    $('owners-form').addEventListener('submit', function (ev) { ev.preventDefault(); if (state.ownersUscc) { run(loadOwners(state.ownersUscc)); } });
    $('threshold').addEventListener('change', function () { if (state.ownersUscc) { run(loadOwners(state.ownersUscc)); } });
    $('path-from-sel').addEventListener('click', function () { if (state.selected) { $('path-from').value = state.selected; } });
    $('path-to-sel').addEventListener('click', function () { if (state.selected) { $('path-to').value = state.selected; } });
    $('path-form').addEventListener('submit', function (ev) { ev.preventDefault(); run(findPaths()); });
    $('common-add').addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter') { ev.preventDefault(); addCommon(this.value); this.value = ''; }
    });
    $('common-add-btn').addEventListener('click', function () { addCommon($('common-add').value); $('common-add').value = ''; });
    $('common-add-sel').addEventListener('click', function () { if (state.selected) { addCommon(state.selected); } });
    $('common-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      if ($('common-add').value.trim()) { addCommon($('common-add').value); $('common-add').value = ''; }
      run(findCommon());
    });
    $('exposure-btn').addEventListener('click', function () { if (state.selected) { run(loadExposure(state.selected)); } });
    $('exposure-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var id = state.selected || (state.root && state.root.id);
      if (id) { run(loadExposure(id)); } else { $('exposure-body').textContent = '请先在图中选中一个主体。'; }
    });
    $('asof-form').addEventListener('submit', function (ev) { ev.preventDefault(); run(refreshAll()); });
    $('asof').addEventListener('change', function () { run(refreshAll()); });
    $('asof-clear').addEventListener('click', function () { $('asof').value = ''; run(refreshAll()); });
    $('export-png').addEventListener('click', function () {
      download(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }), fileStem() + '.png');
    });
    $('export-nodes').addEventListener('click', function () {
      download(new Blob(['\ufeff' + csv('nodes')], { type: 'text/csv;charset=utf-8' }), fileStem() + '-nodes.csv');
    });
    $('export-edges').addEventListener('click', function () {
      download(new Blob(['\ufeff' + csv('edges')], { type: 'text/csv;charset=utf-8' }), fileStem() + '-edges.csv');
    });
    document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') { $('tooltip').hidden = true; } });
  }

  window.hubExplore = {
    get cy() { return cy; },
    state: state,
    csv: csv
  };
  document.addEventListener('DOMContentLoaded', init);
}());
