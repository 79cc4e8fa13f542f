"use strict";
// The query page: posts to /sparql and shows the answer. Every value from the store is
// inserted with textContent, never as HTML. A link ending in #query=... opens with that
// query and runs it; <body data-answered="true"> marks that an answer is shown.
(function () {
  const PREFIXES = {
    "https://w3id.org/geokg/ontology#": "gkg:",
    "https://w3id.org/geokg/resource/": "gkr:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/2001/XMLSchema#": "xsd:",
  };
  const ACCEPT = {
    table: "application/sparql-results+json, text/turtle;q=0.9",
    json: "application/sparql-results+json, text/turtle;q=0.9",
    csv: "text/csv, text/turtle;q=0.9",
    tsv: "text/tab-separated-values, text/turtle;q=0.9",
    xml: "application/sparql-results+xml, text/turtle;q=0.9",
  };
  const $ = (id) => document.getElementById(id);
  let examples = [];

  function shorten(iri) {
    for (const [base, prefix] of Object.entries(PREFIXES)) {
      if (iri.startsWith(base)) return prefix + iri.slice(base.length);
    }
    return iri;
  }

  function status(text, isError) {
    $("status").textContent = text;
    $("status").className = isError ? "error" : "";
  }

  function cell(term) {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri") {
      td.textContent = shorten(term.value);
      td.title = term.value;
    } else {
      td.textContent = term.value;
      const note = term["xml:lang"] ? "@" + term["xml:lang"] : term.datatype ? shorten(term.datatype) : "";
      if (note && !note.endsWith("xsd:string")) {
        const span = document.createElement("span");
        span.className = term["xml:lang"] ? "lang" : "type";
        span.textContent = note;
        td.appendChild(span);
      }
    }
    return td;
  }

  function table(data) {
    const out = document.createElement("table");
    const head = out.createTHead().insertRow();
    for (const name of data.head.vars) {
      const th = document.createElement("th");
      th.textContent = name;
      head.appendChild(th);
    }
    const body = out.createTBody();
    for (const binding of data.results.bindings) {
      const row = body.insertRow();
      for (const name of data.head.vars) row.appendChild(cell(binding[name]));
    }
    return out;
  }

  function text(content) {
    const pre = document.createElement("pre");
    pre.textContent = content;
    return pre;
  }

  async function run(event) {
    if (event) event.preventDefault();
    document.body.removeAttribute("data-answered");
    const format = $("format").value;
    const output = $("output");
    output.replaceChildren();
    status("running...");
    $("run").disabled = true;
    const started = performance.now();
    try {
      const response = await fetch("/sparql", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: ACCEPT[format] },
        body: new URLSearchParams({ query: $("query").value }),
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      const kind = (response.headers.get("content-type") || "").split(";")[0];
      const body = await response.text();
      if (!response.ok) {
        status("error " + response.status + ": " + body.trim(), true);
        return;
      }
      const truncated = response.headers.get("x-result-truncated") === "true";
      const cap = truncated ? " (cut at " + response.headers.get("x-result-limit") + "; add a LIMIT or narrow the query)" : "";
      if (kind === "application/sparql-results+json" && format === "table") {
        const data = JSON.parse(body);
        if ("boolean" in data) {
          output.appendChild(text(String(data.boolean)));
          status("ASK answered in " + seconds + " s");
        } else {
          output.appendChild(table(data));
          status(data.results.bindings.length + " rows in " + seconds + " s" + cap);
        }
      } else {
        output.appendChild(text(body));
        status(kind + " in " + seconds + " s" + cap);
      }
    } catch (error) {
      status("request failed: " + error, true);
    } finally {
      $("run").disabled = false;
      document.body.setAttribute("data-answered", "true");
    }
  }

  function choose() {
    const example = examples.find((e) => e.name === $("examples").value);
    $("description").textContent = example ? example.description : "";
    if (example) {
      const params = example.params.map((p) => "#   " + p.name + " (" + p.kind + (p.optional ? ", optional" : "") + "): " + p.help).join("\n");
      $("query").value = "# " + example.name + (params ? "; parameters, bound in the VALUES line:\n" + params : "") + "\n" + example.example.split("\n").filter((line) => !line.startsWith("#")).join("\n").trim() + "\n";
    }
  }

  async function load() {
    try {
      const response = await fetch("/named", { headers: { Accept: "application/json" } });
      examples = await response.json();
      for (const example of examples) {
        const option = document.createElement("option");
        option.value = example.name;
        option.textContent = example.name;
        $("examples").appendChild(option);
      }
    } catch (error) {
      status("could not load the example queries: " + error, true);
    }
  }

  document.addEventListener("DOMContentLoaded", async () => {
    $("form").addEventListener("submit", run);
    $("examples").addEventListener("change", choose);
    await load();
    const linked = new URLSearchParams(window.location.hash.slice(1)).get("query");
    if (linked) {
      $("query").value = linked;
      run();
    }
  });
})();
