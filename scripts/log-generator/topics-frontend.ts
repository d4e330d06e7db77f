/** Front-end and tooling study topics: React, TypeScript, CI, machine learning. */
import type { Topic } from './topic.ts';

export const frontendTopics: Topic[] = [
  {
    name: 'React',
    tags: ['react', 'frontend', 'javascript'],
    goals: ['カスタムフックに処理を切り出す', 'フォームのバリデーションを実装する', '不要な再レンダリングを減らす', 'React Testing Library でテストを書く'],
    sections: ['コンポーネントの整理', '状態管理の見直し', 'パフォーマンス改善', 'テストの追加'],
    done: [
      { title: 'カスタムフックの作成', details: ['`useStudySessions` にデータ取得をまとめた', 'ローディングとエラーの状態を共通化'] },
      { title: 'フォームのバリデーション', details: ['React Hook Form と zod を組み合わせた', 'エラーメッセージを日本語化'] },
      { title: 'React DevTools での調査', details: ['Profiler で再レンダリングの多いコンポーネントを特定'] },
    ],
    notDone: [
      { title: 'メモ化の適用', details: ['`useMemo` と `useCallback` の適用範囲を決めきれていない'] },
      { title: 'テストの追加', details: ['フォームの送信テストが未完成', 'モックサーバーの設定が途中'] },
    ],
    problems: [
      { title: 'useEffect の無限ループ', current: 'データ取得のエフェクトが何度も実行される', impact: 'APIが大量に呼ばれ、画面がちらつく', cause: '依存配列にオブジェクトを渡していて、毎回新しい参照になっていた', solution: '依存配列にはIDだけを渡し、オブジェクトは `useMemo` で固定する', code: { lang: 'tsx', body: 'useEffect(() => {\n  fetchSessions(userId);\n}, [userId]);' } },
      { title: 'リストのkey警告', current: 'コンソールに "Each child in a list should have a unique key" が出る', impact: '並び替え時に入力中の値が別の行に移る', cause: '配列のインデックスをkeyにしていた', solution: 'データのIDをkeyに使う' },
      { title: 'フォームの二重送信', current: '送信ボタンを連打すると同じデータが2件登録される', impact: '重複した学習記録が残る', cause: '送信中の状態を管理していなかった', solution: '`isSubmitting` の間はボタンを無効化する' },
    ],
    learnings: [['useEffect', '依存配列は参照の同一性で比較される'], ['React.memo', 'propsが変わらない限り再レンダリングを省略できる'], ['Suspense', 'データ取得中の表示を宣言的に書ける'], ['key', 'リストの要素を識別するための安定したID'], ['制御コンポーネント', '入力値をstateで管理する方式。非制御との使い分けが大切']],
    nextSteps: [
      { title: 'テストの整備', details: ['MSW でAPIをモック', 'フォームの異常系テスト'] },
      { title: 'パフォーマンス計測', details: ['Lighthouse でスコアを記録', 'バンドルサイズの確認'] },
      { title: 'アクセシビリティ対応', details: ['フォームのラベルを見直す', 'キーボード操作の確認'] },
    ],
    references: [
      { title: 'React Documentation', url: 'https://react.dev/' },
      { title: 'React Hook Form', url: 'https://react-hook-form.com/' },
      { title: 'Testing Library', url: 'https://testing-library.com/docs/react-testing-library/intro/' },
    ],
    snippets: [
      { lang: 'tsx', body: 'export function useStudySessions(userId: string) {\n  return useQuery({\n    queryKey: ["sessions", userId],\n    queryFn: () => fetchSessions(userId),\n  });\n}' },
      { lang: 'bash', body: 'npm install react-hook-form zod @hookform/resolvers' },
    ],
    notes: ['Profilerで見ると、思っていたより再レンダリングが多かった。', 'フックに切り出すとコンポーネントが読みやすくなる。', 'keyの問題は見た目では気づきにくいので注意したい。'],
  },
  {
    name: 'TypeScript',
    tags: ['typescript', 'javascript'],
    goals: ['strictモードを有効にする', 'any を減らす', '型ガードを使ってAPIレスポンスを検証する', 'ジェネリクスの復習'],
    sections: ['strictモードへの移行', '型定義の整理', 'ランタイム検証', 'ジェネリクスの練習'],
    done: [
      { title: 'strict: true への移行', details: ['エラー214件を修正', '`noUncheckedIndexedAccess` も有効化'] },
      { title: 'APIレスポンスの型付け', details: ['zod スキーマから型を生成', '`any` を32箇所から5箇所に削減'] },
      { title: 'ユーティリティ型の整理', details: ['`Pick` と `Omit` で重複した型定義をまとめた'] },
    ],
    notDone: [
      { title: '残りの any', details: ['外部ライブラリの型定義がない箇所が残っている'] },
      { title: '型テスト', details: ['`expectTypeOf` を使った型のテストが未着手'] },
    ],
    problems: [
      { title: 'オプショナルプロパティの扱い', current: '`undefined` チェックが漏れて実行時エラーになった', impact: '一部のユーザーで画面が真っ白になる', cause: '`as` で型アサーションして検証を飛ばしていた', solution: '型ガード関数を作り、アサーションをやめる', code: { lang: 'ts', body: 'function isSession(value: unknown): value is Session {\n  return typeof value === "object" && value !== null && "id" in value;\n}' } },
      { title: 'モジュール解決のエラー', current: '`Cannot find module` がビルド時だけ出る', impact: 'CIが失敗する', cause: '`moduleResolution` の設定がエディタとビルドで違っていた', solution: 'tsconfig を1つにまとめ、`NodeNext` に統一する' },
      { title: 'enum の扱い', current: 'enum がバンドル後に大きなコードになる', impact: 'バンドルサイズが増える', cause: 'enum はランタイムのオブジェクトを生成する', solution: '文字列リテラルのユニオン型に置き換える' },
    ],
    learnings: [['型ガード', '`value is T` を返す関数で型を絞り込める'], ['satisfies', '型を広げずに型チェックだけ行える'], ['ユニオン型', 'enum の代わりに使うとランタイムのコードが増えない'], ['noUncheckedIndexedAccess', '配列アクセスの結果に undefined を含めてくれる'], ['ジェネリクス', '型パラメータの制約は extends で書く']],
    nextSteps: [
      { title: '残りの any の解消', details: ['型定義のないライブラリに宣言ファイルを書く'] },
      { title: '型テストの導入', details: ['vitest の `expectTypeOf` を試す'] },
      { title: 'ESLint の設定', details: ['`@typescript-eslint/no-explicit-any` をerrorに'] },
    ],
    references: [
      { title: 'TypeScript Handbook', url: 'https://www.typescriptlang.org/docs/handbook/intro.html' },
      { title: 'zod', url: 'https://zod.dev/' },
      { title: 'Type Challenges', url: 'https://github.com/type-challenges/type-challenges' },
    ],
    snippets: [
      { lang: 'ts', body: 'const config = {\n  port: 3000,\n  host: "localhost",\n} satisfies ServerConfig;' },
      { lang: 'json', body: '{\n  "compilerOptions": {\n    "strict": true,\n    "noUncheckedIndexedAccess": true\n  }\n}' },
    ],
    notes: ['strictにすると最初はエラーが多くて大変だが、潜在的なバグがかなり見つかった。', '型アサーションは検証をしているわけではないことを忘れないようにしたい。', 'ランタイム検証と型を1つのスキーマから作れるのは便利。'],
  },
  {
    name: 'GitHub Actions',
    tags: ['ci', 'github-actions', 'devops'],
    goals: ['プルリクエストでテストを自動実行する', 'キャッシュでCIを速くする', 'デプロイワークフローを作る', 'シークレットの管理方法を決める'],
    sections: ['テストワークフロー', 'キャッシュの設定', 'デプロイの自動化', 'シークレット管理'],
    done: [
      { title: 'テストワークフローの作成', details: ['push と pull_request で実行', 'Node 22 と 24 のマトリクス'] },
      { title: '依存関係のキャッシュ', details: ['`actions/setup-node` の cache オプションを利用', 'CI時間が 6分 → 2分半 に短縮'] },
      { title: 'ブランチ保護ルール', details: ['テストが通らないとマージできないように設定'] },
    ],
    notDone: [
      { title: 'デプロイワークフロー', details: ['本番環境への承認フローが未設定'] },
      { title: 'OIDCによる認証', details: ['AWSの長期キーをまだ使っている'] },
    ],
    problems: [
      { title: 'テストが時々失敗する', current: '同じコミットでもCIが成功したり失敗したりする', impact: '再実行の手間がかかり、失敗を信用しなくなる', cause: 'テストが現在時刻に依存していた', solution: 'テストで時刻を固定する', code: { lang: 'ts', body: 'vi.useFakeTimers();\nvi.setSystemTime(new Date("2025-08-03T09:00:00+09:00"));' } },
      { title: 'シークレットがログに出る', current: 'デバッグ用の echo でトークンの一部が表示された', impact: '漏洩のリスクがある', cause: '加工した値はマスクされない', solution: '`::add-mask::` を使い、デバッグ出力を削除する' },
      { title: 'キャッシュが復元されない', current: '毎回 `Cache not found` になる', impact: 'CIが遅いまま', cause: 'キャッシュキーにOSとロックファイルのハッシュが入っていなかった', solution: '`hashFiles(\'**/package-lock.json\')` をキーに含める' },
    ],
    learnings: [['マトリクスビルド', '複数のバージョンやOSで同じジョブを並列に実行できる'], ['OIDC', '長期のアクセスキーなしでクラウドに認証できる'], ['concurrency', '同じブランチの古い実行を自動でキャンセルできる'], ['environment', '本番デプロイに承認者を設定できる'], ['reusable workflow', '共通のワークフローを複数リポジトリで使い回せる']],
    nextSteps: [
      { title: 'OIDCへの移行', details: ['IAMロールの信頼ポリシーを作成', '長期キーの削除'] },
      { title: 'デプロイワークフロー', details: ['environment で承認を必須にする', 'ロールバック手順の整備'] },
      { title: 'CIの高速化', details: ['テストの並列実行', '変更のないパッケージのスキップ'] },
    ],
    references: [
      { title: 'GitHub Actions Documentation', url: 'https://docs.github.com/actions' },
      { title: 'Configuring OpenID Connect in AWS', url: 'https://docs.github.com/actions/deployment/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services' },
    ],
    snippets: [
      { lang: 'yaml', body: 'jobs:\n  test:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        node: [22, 24]\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: ${{ matrix.node }}\n          cache: npm\n      - run: npm ci\n      - run: npm test' },
    ],
    notes: ['不安定なテストは放置するとCI全体への信頼がなくなる。', 'キャッシュキーの設計次第で効果が大きく変わる。', 'シークレットの扱いは早めにOIDCに寄せたい。'],
  },
  {
    name: '機械学習',
    tags: ['machine-learning', 'python', 'scikit-learn'],
    goals: ['学習時間の予測モデルを作る', '特徴量を見直す', '交差検証で評価する', '結果をグラフにまとめる'],
    sections: ['データの前処理', '特徴量エンジニアリング', 'モデルの評価', '可視化'],
    done: [
      { title: 'データの前処理', details: ['欠損値を中央値で補完', '外れ値を四分位範囲で除外'] },
      { title: 'ベースラインモデル', details: ['線形回帰で RMSE 42.3分', 'ランダムフォレストで RMSE 31.8分'] },
      { title: '交差検証', details: ['5分割で評価', '時系列なので TimeSeriesSplit に変更'] },
    ],
    notDone: [
      { title: 'ハイパーパラメータ調整', details: ['グリッドサーチが時間内に終わらなかった'] },
      { title: '特徴量の重要度の分析', details: ['SHAP値の計算が未着手'] },
    ],
    problems: [
      { title: 'データリーク', current: '検証スコアが異常に良い', impact: '本番では予測が大きく外れる', cause: '標準化を分割前のデータ全体で行っていた', solution: 'Pipeline に前処理を含め、分割ごとに学習させる', code: { lang: 'python', body: 'pipe = Pipeline([\n    ("scale", StandardScaler()),\n    ("model", RandomForestRegressor(random_state=0)),\n])\nscores = cross_val_score(pipe, X, y, cv=TimeSeriesSplit(5))' } },
      { title: '曜日の扱い', current: '曜日を0〜6の数値のまま入れている', impact: '日曜と土曜が遠いものとして扱われる', cause: 'カテゴリ変数を数値として扱っていた', solution: 'One-Hot エンコーディングに変更する' },
      { title: '学習に時間がかかる', current: 'グリッドサーチが1時間以上終わらない', impact: '試行錯誤のサイクルが遅くなる', cause: '探索範囲が広すぎた', solution: 'RandomizedSearchCV で探索回数を絞る' },
    ],
    learnings: [['データリーク', '検証データの情報が学習に混ざると評価が楽観的になる'], ['TimeSeriesSplit', '時系列データでは未来のデータで過去を学習しないように分割する'], ['Pipeline', '前処理とモデルをまとめて交差検証できる'], ['RMSE', '誤差の二乗平均の平方根。外れ値の影響を受けやすい'], ['One-Hot エンコーディング', 'カテゴリ変数を0/1の列に展開する']],
    nextSteps: [
      { title: 'ハイパーパラメータ調整', details: ['RandomizedSearchCV で探索', '探索範囲を文献から決める'] },
      { title: '特徴量の重要度', details: ['SHAP値の可視化', '不要な特徴量の削除'] },
      { title: 'レポート作成', details: ['結果を Jupyter Notebook にまとめる'] },
    ],
    references: [
      { title: 'scikit-learn User Guide', url: 'https://scikit-learn.org/stable/user_guide.html' },
      { title: 'SHAP Documentation', url: 'https://shap.readthedocs.io/' },
      { title: 'pandas Documentation', url: 'https://pandas.pydata.org/docs/' },
    ],
    snippets: [
      { lang: 'python', body: 'df["weekday"] = df["date"].dt.dayofweek\nX = pd.get_dummies(df[features], columns=["weekday"])' },
    ],
    notes: ['スコアが良すぎるときはまずリークを疑うべきだと学んだ。', '時系列データの分割方法ひとつで評価が大きく変わる。', 'ベースラインを先に作っておくと改善の効果が分かりやすい。'],
  },
];
