# The dashboard in a container, after Streamlit's documented recipe (docs.streamlit.io, "Deploy Streamlit
# using Docker": a slim Python image, port 8501, a HEALTHCHECK on /_stcore/health), with the locked versions
# and a non-root user added. The catalog and its seeds/ are copied in; mount others over them, or point
# INDICATORS_CATALOG at a mounted file:
#   docker build -t indicators . && docker run --rm -p 8501:8501 indicators
#   docker run --rm -p 8501:8501 -v "$PWD/mine:/data:ro" -e INDICATORS_CATALOG=/data/indicators.yaml indicators
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    INDICATORS_CATALOG=/app/indicators.yaml
WORKDIR /app

COPY pyproject.toml constraints.txt README.md ./
COPY dashboard ./dashboard
RUN pip install -c constraints.txt '.[dashboard]' && rm -rf build *.egg-info

COPY .streamlit ./.streamlit
COPY indicators.yaml indicators.lock.json indicators.schema.json ./
COPY seeds ./seeds

RUN useradd --create-home --uid 10001 reader
USER reader

EXPOSE 8501
# Ready means more than /_stcore/health (which answers even when the app cannot load its catalog):
# the app's code imports and the catalog loads (dashboard/web/ready.py).
HEALTHCHECK --interval=30s --timeout=15s --start-period=30s --retries=3 \
    CMD ["python", "-m", "dashboard.web.ready", "--url", "http://localhost:8501"]
ENTRYPOINT ["streamlit", "run", "dashboard/app.py", "--server.port=8501", "--server.address=0.0.0.0"]
