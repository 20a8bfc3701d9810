/** Look of the stand-in workspace: close enough to Fluent UI that the overlay can be judged against it. */
export const WORKSPACE_STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:"Segoe UI",system-ui,sans-serif;background:#faf9f8;color:#323130;font-size:14px}
#app-header{display:flex;align-items:center;gap:1rem;height:48px;padding:0 1rem;background:#0f6cbd;color:#fff}
#app-header .brand{font-weight:600}
#app-header .user{margin-left:auto}
#session-tabs{display:flex;gap:2px;background:#edebe9;padding:4px 8px 0}
.session-tab{border:0;background:#f3f2f1;padding:6px 14px;border-radius:4px 4px 0 0;cursor:pointer;font:inherit;display:flex;gap:.5rem;align-items:center}
.session-tab[aria-selected="true"]{background:#fff;font-weight:600}
.session-tab .close{border:0;background:none;cursor:pointer;font:inherit;padding:0 2px}
#workspace-main{padding:1rem 1.5rem}
h1{font-size:1.25rem;font-weight:600;margin:.5rem 0 1rem}
.search{display:flex;gap:.5rem;margin-bottom:1rem}
.search input{flex:0 1 24rem;padding:6px 8px;border:1px solid #8a8886;border-radius:2px;font:inherit}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #edebe9}
th{font-weight:600;background:#f3f2f1}
a{color:#0f6cbd}
.transcript{background:#fff;border:1px solid #edebe9;padding:1rem;max-width:48rem;min-height:12rem}
.message{margin:.4rem 0}
.message .from{font-weight:600;margin-right:.5rem}
.message.system{color:#605e5c;font-style:italic}
.seat:empty{display:none}
.seat{padding:.5rem .75rem;background:#deecf9;border-left:4px solid #0f6cbd;margin:0 0 1rem;max-width:48rem}
.notice{padding:.5rem .75rem;background:#fff4ce;border-left:4px solid #c19c00;margin:.5rem 0}
dl.fields{display:grid;grid-template-columns:12rem 1fr;gap:.25rem 1rem;margin:0 0 1rem}
dl.fields dt{color:#605e5c}
`;
