-- wrk script: POST one prepared draft (or bare uuid) per request, never the same one twice.
-- The file named by LOAD_FILE holds: cookie header, CSRF token, path with %s for the uuid,
-- then one uuid per line. Thread i of n sends lines i, i+n, i+2n, ...
-- Counts answers by kind; an exhausted list is reported (the run would then be invalid).
local threads = {}
local counter = 0

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local lines = {}
  for line in io.lines(os.getenv("LOAD_FILE")) do table.insert(lines, line) end
  cookie, token, path = lines[1], lines[2], lines[3]
  keys = {}
  for i = 4 + index, #lines, tonumber(os.getenv("LOAD_THREADS")) do
    table.insert(keys, lines[i])
  end
  next_key, acked, redirected, client_errors, server_errors, exhausted = 1, 0, 0, 0, 0, 0
end

function request()
  local key = keys[next_key]
  if key == nil then
    exhausted = exhausted + 1
    key = keys[1]
  else
    next_key = next_key + 1
  end
  local headers = {["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded"}
  local body = "csrf_token=" .. token .. "&_uuid=" .. key
  return wrk.format("POST", string.format(path, key), headers, body)
end

function response(status, headers, body)
  if status == 302 then
    acked = acked + 1
  elseif status >= 500 then
    server_errors = server_errors + 1
  else
    client_errors = client_errors + 1
  end
end

function done(summary, latency, requests)
  local totals = {acked = 0, client_errors = 0, server_errors = 0, exhausted = 0}
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do totals[name] = totals[name] + thread:get(name) end
  end
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %.3f, "p50_ms": %.2f, "p99_ms": %.2f, "timeouts": %d, ' ..
    '"acked": %d, "client_errors": %d, "server_errors": %d, "exhausted": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(99) / 1e3,
    summary.errors.timeout, totals.acked, totals.client_errors, totals.server_errors, totals.exhausted))
end
