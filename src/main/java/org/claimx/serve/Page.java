package org.claimx.serve;

/**
 * The page at {@code GET /}: paste an abstract (or pick the sample), and see the text with every
 * claim marked in place beside a table of the tuples; hovering a row marks its span. Plain HTML and
 * JavaScript, no build step, no framework; it calls {@code POST /v1/extract}.
 */
final class Page {
    private Page() {}

    static final String SAMPLE_TITLE = "mllm-NPU: Fast On-device LLM Inference";
    static final String SAMPLE = "We present mllm-NPU, the first LLM inference system that efficiently leverages on-device NPU offloading. "
            + "Compared to competitive baselines, mllm-NPU achieves 22.4x faster prefill speed and 30.7x energy savings on average, "
            + "and up to 32.8x speedup in an end-to-end real-world application. It reduces memory by up to 73% with W4A8 quantization.";

    static String html() {
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>claimx</title>
            <style>
            body{font:14px/1.5 system-ui,sans-serif;margin:1.5em;color:#222}
            #in textarea{width:100%%;height:9em;font:inherit}#in input{width:100%%;font:inherit}
            .cols{display:flex;gap:2em;margin-top:1em}.cols>div{flex:1;min-width:0}
            #text{white-space:pre-wrap;border:1px solid #ddd;padding:.8em;min-height:4em}
            mark{background:#fde68a;padding:0 1px;border-radius:2px}mark.on{background:#f97316;color:#fff}
            table{border-collapse:collapse;width:100%%}th,td{border:1px solid #ddd;padding:2px 6px;text-align:left;font-size:13px}
            tr.on td{background:#ffedd5}#status{color:#666}
            </style></head><body>
            <h1>claimx</h1>
            <div id="in">
            <input id="title" placeholder="Title (optional)">
            <textarea id="abstract" placeholder="Paste an abstract"></textarea>
            <button id="go">Extract claims</button> <button id="sample">Sample</button> <span id="status"></span>
            </div>
            <div class="cols"><div><h2>Text</h2><div id="text"></div></div>
            <div><h2>Claims</h2><table id="claims"><thead><tr><th>value</th><th>method</th><th>metric</th><th>change</th>
            <th>baseline</th><th>dataset</th><th>kind</th></tr></thead><tbody></tbody></table></div></div>
            <script>
            var SAMPLE_TITLE=%s, SAMPLE=%s;
            function esc(s){return (s==null?'':String(s)).replace(/[&<>"]/g,function(c){return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c];});}
            function cp(s){return Array.from(s);}  // spans count code points
            function show(field,text,claims){
              var chars=cp(text),marks=claims.map(function(c,i){return {s:c.span[0],e:c.span[1],i:i};}).filter(function(m){return m.e<=chars.length;});
              marks.sort(function(a,b){return a.s-b.s;});var out='',at=0;
              marks.forEach(function(m){if(m.s<at)return;out+=esc(chars.slice(at,m.s).join(''))+'<mark id="m'+field+m.i+'" data-claim="'+m.i+'">'+esc(chars.slice(m.s,m.e).join(''))+'</mark>';at=m.e;});
              return out+esc(chars.slice(at).join(''));
            }
            function run(){
              var title=document.getElementById('title').value,abs=document.getElementById('abstract').value,st=document.getElementById('status');
              st.textContent='extracting...';
              fetch('/v1/extract',{method:'POST',headers:{'Content-Type':'application/json'},body:JSON.stringify({id:'page',title:title,abstract:abs})})
              .then(function(r){return r.json().then(function(j){if(!r.ok)throw new Error(j.error||r.status);return j;});})
              .then(function(claims){
                var t=[],a=[];claims.forEach(function(c,i){c._i=i;(c.field==='title'?t:a).push(c);});
                var html='';if(title)html+='<b>'+show('t',title,claims.map(function(c){return c.field==='title'?c:{span:[1e9,1e9]};}))+'</b>\\n\\n';
                html+=show('a',abs,claims.map(function(c){return c.field==='abstract'?c:{span:[1e9,1e9]};}));
                document.getElementById('text').innerHTML=html;
                var body=document.querySelector('#claims tbody');body.innerHTML='';
                claims.forEach(function(c,i){var tr=document.createElement('tr');tr.dataset.claim=i;
                  var v=c.value.text+' ('+(c.value.number!=null?c.value.number:(c.value.low+'-'+c.value.high))+' '+c.value.unit+(c.value.qualifier?', '+c.value.qualifier:'')+')';
                  tr.innerHTML='<td>'+esc(v)+'</td><td>'+esc(c.method)+'</td><td>'+esc(c.metric)+'</td><td>'+esc(c.change)+'</td><td>'+esc(c.baseline)+'</td><td>'+esc(c.dataset)+'</td><td>'+esc(c.kind)+'</td>';
                  var m=function(){return document.getElementById('m'+(c.field==='title'?'t':'a')+i);};
                  tr.addEventListener('mouseenter',function(){tr.classList.add('on');if(m())m().classList.add('on');});
                  tr.addEventListener('mouseleave',function(){tr.classList.remove('on');if(m())m().classList.remove('on');});
                  body.appendChild(tr);});
                st.textContent=claims.length+' claims';
              }).catch(function(e){st.textContent='error: '+e.message;});
            }
            document.getElementById('go').addEventListener('click',run);
            document.getElementById('sample').addEventListener('click',function(){document.getElementById('title').value=SAMPLE_TITLE;document.getElementById('abstract').value=SAMPLE;run();});
            </script></body></html>
            """.formatted(quote(SAMPLE_TITLE), quote(SAMPLE));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
