-- wrk script: GET one path (a first visit: no cookie) and print the summary as JSON.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok, failed = 0, 0
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 else failed = failed + 1 end
end

function done(summary, latency, requests)
  local totals = {ok = 0, failed = 0}
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do totals[name] = totals[name] + thread:get(name) end
  end
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %.3f, "p50_ms": %.2f, "p99_ms": %.2f, "timeouts": %d, ' ..
    '"ok": %d, "failed": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(99) / 1e3,
    summary.errors.timeout, totals.ok, totals.failed))
end
