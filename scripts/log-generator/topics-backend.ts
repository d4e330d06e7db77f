/** Server-side study topics: serverless, databases, containers, Python APIs. */
import type { Topic } from './topic.ts';

export const backendTopics: Topic[] = [
  {
    name: 'AWS Lambda',
    tags: ['aws', 'lambda', 'serverless'],
    goals: ['Lambda関数のデプロイ設定を完成させる', 'API Gatewayとの連携を確認する', 'コールドスタートの計測', 'IAMロールの権限を見直す', 'CloudWatch Logsでエラーを追えるようにする'],
    sections: ['Lambda関数の実装', 'API Gatewayの設定', 'デプロイメントパッケージの整理', 'ログとモニタリング'],
    done: [
      { title: 'Lambda Handler の基本実装', details: ['`handler.py` の作成', 'Mangumを使用したASGIアダプターの設定', 'ローカルでのイベント再生テスト'] },
      { title: 'デプロイメントパッケージ', details: ['`lambda-deployment.zip` の作成スクリプトを整理', '不要な依存関係を除外してサイズを40%削減'] },
      { title: 'IAMロールの作成', details: ['最小権限のポリシーを定義', 'S3バケットへの読み取り権限のみ付与'] },
    ],
    notDone: [
      { title: '設定ファイルの不足', details: ['`serverless.yml` がまだ存在しない', 'メモリとタイムアウトの値が未定義'] },
      { title: 'CI/CDパイプライン', details: ['GitHub Actions からのデプロイが未設定', 'ステージング環境が未作成'] },
    ],
    problems: [
      { title: 'Mangum依存関係の不足', current: '`handler.py` でMangumをインポートしているが、requirements.txtに含まれていない', impact: 'デプロイ後の初回呼び出しで ImportError が発生する', cause: 'ローカル環境にだけグローバルにインストールされていた', solution: 'requirements.txt に追加してパッケージを作り直す', code: { lang: 'bash', body: '# requirements.txt に追加\necho "mangum>=0.17.0" >> requirements.txt' } },
      { title: 'コールドスタートが遅い', current: '初回レスポンスに約3秒かかっている', impact: 'ユーザーが最初のページ表示で待たされる', cause: 'パッケージに不要な依存関係が多く、初期化処理も重い', solution: '依存関係を減らし、Provisioned Concurrency を検討する' },
      { title: 'タイムアウトの設定漏れ', current: 'デフォルトの3秒のままで、重い集計APIが途中で止まる', impact: '集計結果が返らず、フロントエンドでエラー表示になる', cause: 'テンプレートの Timeout を設定していなかった', solution: '`template.yaml` で Timeout を30秒に設定する' },
    ],
    learnings: [['Mangum', 'ASGIアプリケーションをLambdaで動作させるためのアダプター'], ['コールドスタート', 'コンテナ初期化の時間。パッケージサイズと初期化処理に左右される'], ['Provisioned Concurrency', '事前に実行環境を温めておく仕組み。コストとのトレードオフ'], ['API Gateway', 'HTTPリクエストをLambdaイベントに変換するフロントドア'], ['IAM', '関数ごとに最小権限のロールを割り当てるのが基本']],
    nextSteps: [
      { title: 'Serverless Framework の設定', details: ['`serverless.yml` の作成', 'API Gateway の設定'] },
      { title: 'ローカルテスト環境の構築', details: ['serverless offline の導入', 'イベントJSONのサンプル作成'] },
      { title: 'モニタリング設定', details: ['CloudWatch アラームの作成', 'エラー率のダッシュボード'] },
    ],
    references: [
      { title: 'Mangum Documentation', url: 'https://mangum.io/' },
      { title: 'AWS Lambda Best Practices', url: 'https://docs.aws.amazon.com/lambda/latest/dg/best-practices.html' },
      { title: 'Serverless Framework', url: 'https://www.serverless.com/' },
    ],
    snippets: [
      { lang: 'yaml', body: 'service: study-tracker-api\nprovider:\n  name: aws\n  runtime: python3.11\n  region: ap-northeast-1\nfunctions:\n  api:\n    handler: handler.handler' },
      { lang: 'python', body: 'from mangum import Mangum\nfrom app.main import app\n\nhandler = Mangum(app, lifespan="off")' },
    ],
    notes: ['ローカルでは動いていたのに、Lambda上では依存関係の不足で失敗することがよく分かった。', 'パッケージサイズを意識するだけでコールドスタートがかなり改善する。', '設定をコードで管理しておかないと、後から再現できなくなる。'],
  },
  {
    name: 'PostgreSQL',
    tags: ['database', 'postgresql', 'sql'],
    goals: ['インデックス設計を見直す', '遅いクエリを3つ特定する', 'マイグレーションの手順を整理する', 'バックアップの復元を試す'],
    sections: ['スロークエリの調査', 'インデックスの追加', 'マイグレーション管理', 'バックアップと復元'],
    done: [
      { title: 'EXPLAIN ANALYZE での調査', details: ['`study_sessions` テーブルの全件スキャンを発見', '実行計画の読み方を整理'] },
      { title: '複合インデックスの追加', details: ['`(user_id, started_at)` のインデックスを作成', '一覧APIの応答が 850ms → 40ms に改善'] },
      { title: 'Alembic の導入', details: ['初期マイグレーションの生成', 'ダウングレード手順の確認'] },
    ],
    notDone: [
      { title: 'バックアップの自動化', details: ['pg_dump の定期実行が未設定', '復元手順のドキュメントがない'] },
      { title: '接続プールの調整', details: ['max_connections の見直しが未着手'] },
    ],
    problems: [
      { title: 'N+1クエリの発生', current: 'ユーザー一覧で関連テーブルを1件ずつ取得している', impact: 'ユーザー数に比例して応答が遅くなる', cause: 'ORMの遅延読み込みをそのまま使っていた', solution: '`selectinload` で関連をまとめて読み込む', code: { lang: 'python', body: 'stmt = select(User).options(selectinload(User.sessions))\nusers = session.scalars(stmt).all()' } },
      { title: 'マイグレーションの競合', current: '2つのブランチで別々にマイグレーションを作り、headが2つになった', impact: 'デプロイ時に `alembic upgrade head` が失敗する', cause: 'マージ前にリビジョンの整合を確認していなかった', solution: '`alembic merge` でリビジョンをまとめる' },
      { title: 'タイムゾーンのずれ', current: '日付ごとの集計が9時間ずれている', impact: '日本時間の0時〜9時の学習記録が前日に数えられる', cause: '`timestamp without time zone` にUTCで保存していた', solution: '`timestamptz` に変更し、集計時に `AT TIME ZONE \'Asia/Tokyo\'` を指定する' },
    ],
    learnings: [['EXPLAIN ANALYZE', '実際に実行して各ノードの時間と行数を見られる'], ['複合インデックス', '列の順番が重要。絞り込みに使う列を先頭に置く'], ['timestamptz', '内部的にはUTCで保存し、表示時にタイムゾーンを変換する'], ['VACUUM', '不要になった行の領域を回収する。autovacuumの設定も確認が必要'], ['接続プール', 'アプリケーション側でもPgBouncer側でも上限を意識する']],
    nextSteps: [
      { title: 'バックアップの自動化', details: ['pg_dump を cron で実行', 'S3への保存と世代管理'] },
      { title: 'スロークエリログの有効化', details: ['`log_min_duration_statement` を500msに設定'] },
      { title: '集計クエリの見直し', details: ['マテリアライズドビューの検討', '日次集計テーブルの設計'] },
    ],
    references: [
      { title: 'PostgreSQL Documentation: Using EXPLAIN', url: 'https://www.postgresql.org/docs/current/using-explain.html' },
      { title: 'Alembic Tutorial', url: 'https://alembic.sqlalchemy.org/en/latest/tutorial.html' },
      { title: 'Use The Index, Luke', url: 'https://use-the-index-luke.com/' },
    ],
    snippets: [
      { lang: 'sql', body: 'CREATE INDEX CONCURRENTLY idx_sessions_user_started\n  ON study_sessions (user_id, started_at DESC);' },
      { lang: 'sql', body: "SELECT date_trunc('day', started_at AT TIME ZONE 'Asia/Tokyo') AS day,\n       sum(minutes)\n  FROM study_sessions\n GROUP BY 1\n ORDER BY 1;" },
    ],
    notes: ['実行計画を読めるようになると、推測ではなく根拠を持ってチューニングできる。', 'インデックスは書き込み性能とのトレードオフなので、付けすぎに注意。', 'タイムゾーンの問題は早めに直しておかないとデータの移行が大変になる。'],
  },
  {
    name: 'Docker',
    tags: ['docker', 'container', 'devops'],
    goals: ['開発環境をDocker Composeにまとめる', 'イメージサイズを小さくする', 'マルチステージビルドを試す', 'ヘルスチェックを追加する'],
    sections: ['Dockerfileの整理', 'Docker Composeの構成', 'イメージサイズの削減', 'ヘルスチェック'],
    done: [
      { title: 'マルチステージビルド', details: ['ビルド用と実行用のステージを分離', 'イメージサイズが 1.2GB → 180MB に削減'] },
      { title: 'docker-compose.yml の作成', details: ['API、DB、Redisの3サービスを定義', '`.env` で環境変数を管理'] },
      { title: '.dockerignore の追加', details: ['`node_modules` と `.git` を除外', 'ビルドコンテキストの転送が速くなった'] },
    ],
    notDone: [
      { title: 'ヘルスチェック', details: ['DBの起動待ちが未実装', '`depends_on` の condition が未設定'] },
      { title: '本番用イメージの脆弱性スキャン', details: ['Trivy の導入が未着手'] },
    ],
    problems: [
      { title: 'DBより先にAPIが起動する', current: 'compose up 直後にAPIが接続エラーで落ちる', impact: '毎回手動で再起動が必要になる', cause: '`depends_on` は起動順しか保証しない', solution: 'DBにヘルスチェックを定義し、`condition: service_healthy` を指定する', code: { lang: 'yaml', body: 'db:\n  image: postgres:16\n  healthcheck:\n    test: ["CMD", "pg_isready", "-U", "app"]\n    interval: 5s' } },
      { title: 'ビルドキャッシュが効かない', current: 'コードを1行変えるだけで依存関係のインストールからやり直しになる', impact: 'ビルドに毎回5分以上かかる', cause: '`COPY . .` を依存関係のインストールより前に書いていた', solution: 'package.json だけ先にコピーしてインストールする順番に変える' },
      { title: 'ボリュームの権限エラー', current: 'コンテナ内から書き込もうとすると Permission denied になる', impact: 'ログファイルが出力されない', cause: 'ホストとコンテナでUIDが異なる', solution: 'Dockerfileで実行ユーザーのUIDを合わせる' },
    ],
    learnings: [['マルチステージビルド', 'ビルドに必要なツールを最終イメージに含めずに済む'], ['レイヤーキャッシュ', '変更の少ない命令を先に書くとキャッシュが効きやすい'], ['healthcheck', 'コンテナの状態を healthy/unhealthy で判定できる'], ['distroless', 'シェルもパッケージマネージャも入っていない最小のベースイメージ'], ['BuildKit', '並列ビルドやキャッシュマウントが使える']],
    nextSteps: [
      { title: 'ヘルスチェックの追加', details: ['DBとRedisに healthcheck を定義', 'APIの `/health` エンドポイント'] },
      { title: '脆弱性スキャン', details: ['Trivy をCIに組み込む', '重大度HIGH以上で失敗させる'] },
      { title: '本番用Composeファイル', details: ['`compose.prod.yml` の作成', 'リソース制限の設定'] },
    ],
    references: [
      { title: 'Docker Docs: Multi-stage builds', url: 'https://docs.docker.com/build/building/multi-stage/' },
      { title: 'Compose file reference', url: 'https://docs.docker.com/reference/compose-file/' },
      { title: 'Trivy', url: 'https://trivy.dev/' },
    ],
    snippets: [
      { lang: 'dockerfile', body: 'FROM node:24-slim AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n\nFROM gcr.io/distroless/nodejs24\nCOPY --from=build /app/dist /app\nCMD ["/app/server.js"]' },
      { lang: 'bash', body: 'docker compose up -d --build\ndocker compose logs -f api' },
    ],
    notes: ['Dockerfileの命令の順番だけでビルド時間が大きく変わるのは驚きだった。', 'イメージを小さくすると、デプロイも速くなり攻撃面も減る。', '起動順の問題はリトライ処理と組み合わせて考えるのがよさそう。'],
  },
  {
    name: 'FastAPI',
    tags: ['python', 'fastapi', 'api'],
    goals: ['認証付きエンドポイントを実装する', 'pytest でAPIテストを書く', 'Pydanticモデルを整理する', 'エラーレスポンスを統一する'],
    sections: ['エンドポイントの実装', '認証と認可', 'テストの整備', 'エラーハンドリング'],
    done: [
      { title: 'JWT認証の実装', details: ['`/auth/token` エンドポイントの作成', '依存性注入で現在のユーザーを取得'] },
      { title: 'Pydantic v2 への移行', details: ['`orm_mode` を `from_attributes` に変更', 'バリデーションエラーのメッセージを確認'] },
      { title: 'pytest の導入', details: ['TestClient を使ったテストを12件追加', 'テスト用DBをフィクスチャで作成'] },
    ],
    notDone: [
      { title: 'リフレッシュトークン', details: ['有効期限切れ時の再発行が未実装'] },
      { title: 'レート制限', details: ['ログインAPIへの連続試行の制限がない'] },
    ],
    problems: [
      { title: '非同期処理でのDBセッション', current: 'リクエストをまたいでセッションが共有されている', impact: '同時アクセス時にデータが混ざる可能性がある', cause: 'セッションをモジュールのグローバル変数で持っていた', solution: '`Depends` でリクエストごとにセッションを生成する', code: { lang: 'python', body: 'async def get_session():\n    async with SessionLocal() as session:\n        yield session' } },
      { title: 'CORSエラー', current: 'フロントエンドからのリクエストがブラウザでブロックされる', impact: '画面からAPIを呼び出せない', cause: 'CORSMiddleware の許可オリジンに開発サーバーが入っていなかった', solution: '環境変数で許可オリジンを設定できるようにする' },
      { title: 'バリデーションエラーの形式', current: 'エラーレスポンスの形式がエンドポイントごとに違う', impact: 'フロントエンドでのエラー表示が複雑になる', cause: '例外ハンドラを共通化していなかった', solution: '`exception_handler` で共通のエラー形式に変換する' },
    ],
    learnings: [['Depends', '依存性注入で認証やDBセッションを宣言的に書ける'], ['Pydantic v2', 'コアがRustで書き直され、検証が大幅に高速化した'], ['TestClient', 'サーバーを起動せずにAPIをテストできる'], ['lifespan', '起動時と終了時の処理をまとめて書ける'], ['OpenAPI', 'スキーマが自動生成され、/docs で確認できる']],
    nextSteps: [
      { title: 'リフレッシュトークンの実装', details: ['トークンの保存先を決める', '失効処理の設計'] },
      { title: 'テストカバレッジの向上', details: ['認証まわりの異常系テスト', 'カバレッジ80%を目標'] },
      { title: 'APIドキュメントの整備', details: ['レスポンス例の追加', 'タグでエンドポイントを分類'] },
    ],
    references: [
      { title: 'FastAPI Documentation', url: 'https://fastapi.tiangolo.com/' },
      { title: 'Pydantic Migration Guide', url: 'https://docs.pydantic.dev/latest/migration/' },
      { title: 'pytest Documentation', url: 'https://docs.pytest.org/' },
    ],
    snippets: [
      { lang: 'python', body: '@router.get("/me")\nasync def read_me(user: User = Depends(get_current_user)):\n    return user' },
      { lang: 'bash', body: 'pytest -q --cov=app tests/' },
    ],
    notes: ['依存性注入の仕組みが分かると、テストでの差し替えも簡単になる。', '型ヒントがそのままバリデーションとドキュメントになるのが便利。', 'エラー形式は最初に決めておくべきだった。'],
  },
];
