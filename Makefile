# teks — every task is a make target. `make serve` and `make test` install
# whatever is missing first (only what is missing, so warm runs are fast).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

PORT ?= 8080
# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
WASM_BINDGEN_VERSION = $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"/\1/p;}' Cargo.lock)
CHROME_ARGS := --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage

.PHONY: help deps deps-rust deps-node deps-browser build serve dist package \
        test test-rust test-model test-browser test-e2e test-package lint fmt bench train fuzz clean

help:
	@echo "make serve   install what is missing, build, serve www/ at http://127.0.0.1:$(PORT)"
	@echo "make test    lint + cargo test + wasm tests in Chromium + page end-to-end tests"
	@echo "make build   release wasm into www/pkg      make bench   benchmark against peers"
	@echo "make train   retrain the NER models          make fuzz    bounded fuzzing run"

# ---------------------------------------------------------------- installs
deps: deps-rust deps-node deps-browser

deps-rust:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@command -v wasm-pack >/dev/null || cargo install wasm-pack --locked
	@test -n "$(WASM_BINDGEN_VERSION)" || cargo generate-lockfile
	@v="$$(sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"/\1/p;}' Cargo.lock)"; \
	  wasm-bindgen --version 2>/dev/null | grep -q " $$v$$" \
	  || cargo install wasm-bindgen-cli --version "$$v" --force

deps-node: node_modules/.teks-installed
node_modules/.teks-installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

deps-browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null \
	  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; }

# ---------------------------------------------------------------- build
build: deps-rust deps-node
	wasm-pack build --release --no-opt --target web --out-dir www/pkg --out-name teks --no-pack
	node scripts/wasm-opt.mjs www/pkg
	@rm -f www/pkg/.gitignore
	@ls -l www/pkg/teks_bg.wasm

# A folder that works from any static host under any sub-path (relative URLs only).
# The deployable page: www/ with the comment-only lines of its scripts and
# style sheet dropped (scripts/dist.mjs). The page tests and the benchmark load it.
dist: build
	node scripts/dist.mjs www dist

serve: deps build
	@echo "Serving www/ at http://127.0.0.1:$(PORT) (Ctrl-C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

# The npm package in pkg/ (web target; also serves Node via teks/node and
# bundlers via the export map; worker helper teks/analyser).
package: deps-rust deps-node
	wasm-pack build --release --no-opt --target web --out-dir pkg --out-name teks
	node scripts/wasm-opt.mjs pkg
	node npm/finish-package.mjs

# ---------------------------------------------------------------- tests
test: deps lint test-rust test-model test-browser test-e2e test-package
	@echo "make test: all suites passed"

lint: deps-rust
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --tests -- -D warnings

test-rust:
	cargo test

test-browser: deps-rust deps-browser
	wasm-pack test --headless --chrome -- --test web

test-e2e: deps-browser dist
	node --test --test-concurrency=1 tests/e2e/

# The committed models must be what `make train` writes (training is
# deterministic, ~20 s): a list the features see changed without retraining
# fails here.
test-model:
	@out=$$(mktemp -d); \
	  cargo run -q --release --features train --bin teks-train -- ../shared/data/ner "$$out" >"$$out/log" 2>&1 \
	    || { cat "$$out/log"; rm -rf "$$out"; exit 1; }; \
	  for m in id en; do \
	    cmp -s "$$out/$$m.bin" "src/entity/model/$$m.bin" \
	      || { echo "src/entity/model/$$m.bin is not what make train writes: retrain or keep the lists the features see as they were"; rm -rf "$$out"; exit 1; }; \
	  done; rm -rf "$$out"; echo "test-model: make train reproduces both models"

test-package: deps-browser package
	node --test --test-concurrency=1 tests/npm/
	tsc --noEmit -p tests/npm/tsconfig.json

fmt:
	cargo fmt

# ---------------------------------------------------------------- other
bench: deps dist
	node bench/run.mjs

train:
	cargo run --release --features train --bin teks-train -- ../shared/data/ner

FUZZ_SECONDS ?= 120
fuzz:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cd fuzz && for t in analyse html; do \
	  echo "== fuzz target $$t ($(FUZZ_SECONDS) s)"; \
	  cargo +nightly fuzz run $$t -- -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 2>&1 \
	    | grep -E 'stat::number_of_executed_units|stat::peak_rss|Done|SUMMARY|panicked|ERROR' ; \
	done

clean:
	cargo clean
	rm -rf www/pkg pkg
