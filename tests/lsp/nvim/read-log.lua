-- Run by tests/lsp/neovim.test.ts in `nvim --headless --clean`: Neovim's own
-- LSP client (0.7: vim.lsp.start_client + buf_attach_client) starts
-- `nisshi lsp --stdio`, opens a broken log, and writes what the editor holds
-- (vim.diagnostic.get and a hover's text) as JSON to NISSHI_NVIM_OUT.
local out = os.getenv('NISSHI_NVIM_OUT')
local result = { diagnostics = {}, hover = vim.NIL, error = vim.NIL }

local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = 'nisshi',
    cmd = { os.getenv('NISSHI_NODE'), os.getenv('NISSHI_BIN'), 'lsp', '--stdio' },
    cmd_cwd = os.getenv('NISSHI_ROOT'),
    root_dir = os.getenv('NISSHI_ROOT'),
  })
  assert(client_id, 'the client did not start')
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('NISSHI_LOG')))
  vim.bo.filetype = 'markdown'
  vim.lsp.buf_attach_client(0, client_id)
  vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, severity = d.severity, message = d.message, code = d.code })
  end
  local line = tonumber(os.getenv('NISSHI_HOVER_LINE'))
  local params = { textDocument = vim.lsp.util.make_text_document_params(0), position = { line = line, character = 2 } }
  local responses = vim.lsp.buf_request_sync(0, 'textDocument/hover', params, 20000)
  for _, response in pairs(responses or {}) do
    if response.result and response.result.contents then result.hover = response.result.contents.value end
  end
  vim.lsp.stop_client(client_id)
end)
if not ok then result.error = tostring(err) end
local file = io.open(out, 'w')
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd('qa!')
